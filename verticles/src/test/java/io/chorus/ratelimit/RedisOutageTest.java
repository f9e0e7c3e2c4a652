package io.chorus.ratelimit;

import static io.chorus.ratelimit.RateLimits.allowed;
import static io.chorus.ratelimit.RateLimits.atOnce;
import static io.chorus.ratelimit.RateLimits.inTurn;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@DisplayName("Rate limits while Redis is down, hung or coming back")
class RedisOutageTest {

  private static RateLimiterOptions options(String uri) {
    return new RateLimiterOptions()
        .setRedisUri(uri)
        .setKeyPrefix(RateLimits.uniquePrefix())
        .setConnectTimeoutMs(300)
        .setCommandTimeoutMs(300)
        .setLocalFallbackFraction(0.25);
  }

  @Test
  @DisplayName("with Redis unreachable, this node allows only its fraction of the quota and reports degraded")
  void unreachableRedisFallsBackToTheLocalShare(Vertx vertx, VertxTestContext ctx) {
    RateLimiter limiter = RateLimiter.create(vertx, options("redis://127.0.0.1:1"));
    Quota quota = new Quota(8, Duration.ofSeconds(60));
    inTurn(limiter, "x:acct-1", quota, 3)
        .compose(first -> inTurn(limiter, "x:acct-2", quota, 1).map(other -> List.of(first, other)))
        .onComplete(ctx.succeeding(both -> ctx.verify(() -> {
          List<RateDecision> decisions = both.get(0);
          assertThat(decisions).allMatch(RateDecision::local);
          assertThat(decisions).extracting(RateDecision::allowed).containsExactly(true, true, false);
          assertThat(decisions.get(2).retryAfterMs()).isPositive().isLessThanOrEqualTo(60_000);
          assertThat(both.get(1).get(0).allowed()).as("another account has its own share").isTrue();
          assertThat(limiter.degraded()).isTrue();
          limiter.close().onComplete(ctx.succeedingThenComplete());
        })));
  }

  @Test
  @DisplayName("a Redis that accepts connections but never answers delays a decision only by the timeout")
  void hungRedisCannotStallDecisions(Vertx vertx, VertxTestContext ctx) {
    RedisTap.start(vertx).onComplete(ctx.succeeding(tap -> {
      tap.mode(RedisTap.Mode.HANG);
      RateLimiter limiter = RateLimiter.create(vertx, options(tap.uri()));
      long started = System.nanoTime();
      limiter.acquire("facebook:page-1", new Quota(8, Duration.ofSeconds(60)))
          .onComplete(ctx.succeeding(decision -> ctx.verify(() -> {
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
            assertThat(decision.allowed()).isTrue();
            assertThat(decision.local()).isTrue();
            assertThat(limiter.degraded()).isTrue();
            limiter.close().onComplete(ctx.succeedingThenComplete());
          })));
    }));
  }

  @Test
  @DisplayName("when Redis is back, Redis decides again and counts what this node allowed meanwhile, once")
  void recoversAndCountsTheLocalAllowances(Vertx vertx, VertxTestContext ctx) {
    Quota quota = new Quota(4, Duration.ofSeconds(60));
    RedisTap.start(vertx).onComplete(ctx.succeeding(tap -> {
      tap.mode(RedisTap.Mode.REFUSE);
      RateLimiter limiter = RateLimiter.create(vertx, options(tap.uri())
          .setLocalFallbackFraction(0.5)
          .setRetryAfterFailureMs(200));
      long deadline = System.currentTimeMillis() + 10_000;
      inTurn(limiter, "tiktok:acct-2", quota, 2)
          .compose(other -> inTurn(limiter, "tiktok:acct-1", quota, 3))
          .compose(outage -> {
            tap.mode(RedisTap.Mode.FORWARD);
            return untilRedisDecides(vertx, limiter, "tiktok:acct-1", quota, deadline)
                .compose(probe -> inTurn(limiter, "tiktok:acct-1", quota, 2)
                    .map(after -> List.of(outage, List.of(probe), after)));
          })
          .compose(phases -> atOnce(limiter, "tiktok:acct-2", quota, 4).map(other -> List.of(
              phases.get(0), phases.get(1), phases.get(2), other)))
          .onComplete(ctx.succeeding(phases -> ctx.verify(() -> {
            assertThat(phases.get(0)).extracting(RateDecision::allowed).containsExactly(true, true, false);
            RateDecision probe = phases.get(1).get(0);
            assertThat(probe.local()).as("Redis decided before the deadline").isFalse();
            assertThat(probe.allowed()).isTrue();
            assertThat(probe.remaining()).as("the two local allowances count against the quota").isEqualTo(1);
            assertThat(phases.get(2)).extracting(RateDecision::allowed).containsExactly(true, false);
            assertThat(allowed(phases.get(3)))
                .as("another account's two local allowances count once though four decisions carry them")
                .isEqualTo(2);
            assertThat(limiter.degraded()).isFalse();
            limiter.close().onComplete(ctx.succeedingThenComplete());
          })));
    }));
  }

  /** Asks every 50 ms until a decision comes from Redis rather than the local limiter. */
  private static Future<RateDecision> untilRedisDecides(
      Vertx vertx, RateLimiter limiter, String key, Quota quota, long deadline) {
    return limiter.acquire(key, quota).compose(decision -> {
      if (!decision.local() || System.currentTimeMillis() > deadline) {
        return Future.succeededFuture(decision);
      }
      Promise<RateDecision> next = Promise.promise();
      vertx.setTimer(50, fired -> untilRedisDecides(vertx, limiter, key, quota, deadline).onComplete(next));
      return next.future();
    });
  }
}
