package io.chorus.ratelimit;

import io.chorus.ratelimit.impl.RedisRateLimiter;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Instant;
import java.util.List;

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
  default Future<RateDecision> acquire(String key, Quota quota) {
    return acquire(List.of(new Limit(key, quota)));
  }

  /**
   * Takes one unit from every limit if each has one free and none of their keys is paused, all
   * in one decision (one round trip to Redis); otherwise takes nothing and says how long until
   * all of them have room. Like {@link #acquire(String, Quota)}, it never fails because Redis does.
   */
  Future<RateDecision> acquire(List<Limit> limits);

  /**
   * Denies every decision involving {@code key} until {@code until}, on every node sharing the
   * Redis (and on this node even while Redis is unreachable): a platform said the key's quota is
   * spent. A later pause wins over an earlier one; an earlier one never shortens it.
   */
  Future<Void> pause(String key, Instant until);

  /** Whether decisions are currently made by the local fallback limiter, for the health check. */
  boolean degraded();

  Future<Void> close();
}
