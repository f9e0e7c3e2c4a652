package io.chorus.ratelimit;

import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Small helpers shared by the rate limiter tests. */
final class RateLimits {

  static final String REDIS_URI = "redis://127.0.0.1:6379";

  private RateLimits() {
  }

  /** A key prefix of its own for every test, so parallel runs never share a window. */
  static String uniquePrefix() {
    return "chorus:rl:test:" + UUID.randomUUID() + ":";
  }

  /** {@code n} acquires, each sent after the previous one was decided. */
  static Future<List<RateDecision>> inTurn(RateLimiter limiter, String key, Quota quota, int n) {
    Future<List<RateDecision>> chain = Future.succeededFuture(new ArrayList<>());
    for (int i = 0; i < n; i++) {
      chain = chain.compose(decisions -> limiter.acquire(key, quota).map(decision -> {
        decisions.add(decision);
        return decisions;
      }));
    }
    return chain;
  }

  /** {@code n} acquires sent at once. */
  static Future<List<RateDecision>> atOnce(RateLimiter limiter, String key, Quota quota, int n) {
    List<Future<RateDecision>> all = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      all.add(limiter.acquire(key, quota));
    }
    return Future.all(all).map(done -> done.<RateDecision>list());
  }

  static long allowed(List<RateDecision> decisions) {
    return decisions.stream().filter(RateDecision::allowed).count();
  }
}
