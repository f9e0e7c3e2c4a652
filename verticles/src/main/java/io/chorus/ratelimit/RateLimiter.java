package io.chorus.ratelimit;

import io.chorus.ratelimit.impl.RedisRateLimiter;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

/**
 * A cluster-wide rate limiter keyed by platform account or provider: a sliding window decided in
 * Redis, so no window of a quota's period ever holds more than its requests, falling back to a
 * smaller per-node share of each quota while Redis is unreachable.
 *
 * <p>An instance belongs to the Vert.x context it was created on (normally one verticle's):
 * its state is confined to that context and calls from other threads are moved onto it.
 */
public interface RateLimiter {

  static RateLimiter create(Vertx vertx, RateLimiterOptions options) {
    return new RedisRateLimiter(vertx, options);
  }

  /**
   * Takes one unit of {@code quota} for {@code key} if one is free. The future never fails
   * because Redis does: a Redis fault yields a decision of the local limiter instead.
   */
  Future<RateDecision> acquire(String key, Quota quota);

  /** Whether decisions are currently made by the local fallback limiter, for the health check. */
  boolean degraded();

  Future<Void> close();
}
