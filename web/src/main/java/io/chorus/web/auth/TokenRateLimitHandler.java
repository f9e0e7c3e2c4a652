package io.chorus.web.auth;

import io.chorus.contracts.ErrorCode;
import io.chorus.ratelimit.Quota;
import io.chorus.ratelimit.RateLimiter;
import io.chorus.web.problem.Problem;
import io.chorus.web.problem.ProblemTypes;
import io.chorus.web.problem.Problems;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.util.List;

/**
 * Each API token's quota of requests ({@code auth.rateLimit}), counted across every node in Redis:
 * past it, 429 with {@code Retry-After}. Every answer says how much is left in
 * {@code RateLimit-Limit} and {@code RateLimit-Remaining}. Callers of an open API are not counted.
 */
public final class TokenRateLimitHandler implements Handler<RoutingContext> {
  private static final String KEY_PREFIX = "api:";

  private final RateLimiter limiter;
  private final Quota quota;

  public TokenRateLimitHandler(RateLimiter limiter, Quota quota) {
    this.limiter = limiter;
    this.quota = quota;
  }

  @Override
  public void handle(RoutingContext rc) {
    Principal principal = Principal.of(rc);
    if (principal == Principal.ANONYMOUS) {
      rc.next();
      return;
    }
    rc.request().pause();
    limiter.acquire(KEY_PREFIX + principal.actor(), quota).onComplete(decided -> {
      rc.request().resume();
      // The limiter answers from its local share when Redis fails; it does not fail itself.
      if (decided.failed() || decided.result().allowed()) {
        rc.response().putHeader("RateLimit-Limit", String.valueOf(quota.requests()));
        if (decided.succeeded()) {
          rc.response().putHeader("RateLimit-Remaining", String.valueOf(decided.result().remaining()));
        }
        rc.next();
        return;
      }
      long retryAfterSeconds = Math.max(1, (decided.result().retryAfterMs() + 999) / 1000);
      rc.response().putHeader("RateLimit-Limit", String.valueOf(quota.requests()))
          .putHeader("RateLimit-Remaining", "0");
      Problems.send(rc, new Problem(ProblemTypes.forCode(ErrorCode.RATE_LIMITED), "Too Many Requests", 429,
          "This token may make " + quota.requests() + " requests every " + quota.period().toSeconds()
              + " s; try again in " + retryAfterSeconds + " s.", List.of(), retryAfterSeconds));
    });
  }
}
