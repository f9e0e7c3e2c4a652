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
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@DisplayName("Rate limits decided in Redis")
class RedisRateLimitTest {

  private RateLimiter limiter;

  @BeforeEach
  void createLimiter(Vertx vertx) {
    limiter = RateLimiter.create(vertx, options(RateLimits.REDIS_URI));
  }

  @AfterEach
  void closeLimiter(VertxTestContext ctx) {
    limiter.close().onComplete(ctx.succeedingThenComplete());
  }

  private static RateLimiterOptions options(String uri) {
    return new RateLimiterOptions().setRedisUri(uri).setKeyPrefix(RateLimits.uniquePrefix());
  }

  @Test
  @DisplayName("a quota of 5 allows exactly 5 requests, then denies with a wait no longer than the period")
  void allowsExactlyTheQuota(VertxTestContext ctx) {
    Quota quota = new Quota(5, Duration.ofSeconds(10));
    inTurn(limiter, "x:acct-1", quota, 6).onComplete(ctx.succeeding(decisions -> ctx.verify(() -> {
      assertThat(decisions.subList(0, 5)).allMatch(RateDecision::allowed).noneMatch(RateDecision::local);
      assertThat(decisions.subList(0, 5)).extracting(RateDecision::remaining).containsExactly(4, 3, 2, 1, 0);
      RateDecision denied = decisions.get(5);
      assertThat(denied.allowed()).isFalse();
      assertThat(denied.local()).isFalse();
      assertThat(denied.retryAfterMs()).isPositive().isLessThanOrEqualTo(10_000);
      assertThat(limiter.degraded()).isFalse();
      ctx.completeNow();
    })));
  }

  @Test
  @DisplayName("one account using up its quota leaves another account's quota untouched")
  void keysAreIndependent(VertxTestContext ctx) {
    Quota quota = new Quota(2, Duration.ofSeconds(10));
    inTurn(limiter, "x:acct-1", quota, 3)
        .compose(first -> inTurn(limiter, "x:acct-2", quota, 2).map(second -> List.of(first, second)))
        .onComplete(ctx.succeeding(both -> ctx.verify(() -> {
          assertThat(allowed(both.get(0))).isEqualTo(2);
          assertThat(both.get(1)).allMatch(RateDecision::allowed);
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("once the announced wait has passed, one more request is allowed")
  void allowsAgainAfterTheWait(Vertx vertx, VertxTestContext ctx) {
    Quota quota = new Quota(2, Duration.ofSeconds(1));
    long deadline = System.currentTimeMillis() + 5_000;
    inTurn(limiter, "tiktok:acct-1", quota, 3).onComplete(ctx.succeeding(decisions -> {
      RateDecision denied = decisions.get(2);
      ctx.verify(() -> assertThat(denied.allowed()).isFalse());
      vertx.setTimer(denied.retryAfterMs(), fired -> untilAllowed(vertx, "tiktok:acct-1", quota, deadline)
          .onComplete(ctx.succeeding(allowed -> ctx.verify(() -> {
            assertThat(allowed.allowed()).as("allowed before the deadline").isTrue();
            ctx.completeNow();
          }))));
    }));
  }

  /** Asks until allowed; a denial right after the announced wait only comes from timer rounding. */
  private Future<RateDecision> untilAllowed(Vertx vertx, String key, Quota quota, long deadline) {
    return limiter.acquire(key, quota).compose(decision -> {
      if (decision.allowed() || System.currentTimeMillis() > deadline) {
        return Future.succeededFuture(decision);
      }
      Promise<RateDecision> next = Promise.promise();
      vertx.setTimer(decision.retryAfterMs(), fired -> untilAllowed(vertx, key, quota, deadline).onComplete(next));
      return next.future();
    });
  }

  @Test
  @DisplayName("50 requests at once against a quota of 10 get exactly 10 allowances")
  void parallelRequestsNeverExceedTheQuota(VertxTestContext ctx) {
    Quota quota = new Quota(10, Duration.ofSeconds(60));
    atOnce(limiter, "facebook:page-1", quota, 50).onComplete(ctx.succeeding(decisions -> ctx.verify(() -> {
      assertThat(allowed(decisions)).isEqualTo(10);
      assertThat(decisions).filteredOn(RateDecision::allowed).extracting(RateDecision::remaining)
          .containsExactlyInAnyOrder(9, 8, 7, 6, 5, 4, 3, 2, 1, 0);
      ctx.completeNow();
    })));
  }

  @Test
  @DisplayName("two nodes sharing one Redis together get no more than the quota")
  void nodesShareTheQuota(Vertx vertx, VertxTestContext ctx) {
    Quota quota = new Quota(10, Duration.ofSeconds(60));
    RateLimiterOptions shared = options(RateLimits.REDIS_URI);
    RateLimiter first = RateLimiter.create(vertx, shared);
    RateLimiter second = RateLimiter.create(vertx, shared);
    Future.all(atOnce(first, "linkedin:org-1", quota, 20), atOnce(second, "linkedin:org-1", quota, 20))
        .onComplete(ctx.succeeding(both -> ctx.verify(() -> {
          List<RateDecision> fromFirst = both.resultAt(0);
          List<RateDecision> fromSecond = both.resultAt(1);
          assertThat(allowed(fromFirst) + allowed(fromSecond)).isEqualTo(10);
          Future.all(first.close(), second.close()).onComplete(ctx.succeedingThenComplete());
        })));
  }

  @Test
  @DisplayName("after SCRIPT FLUSH the script is loaded again and a decision is one round trip afterwards")
  void survivesScriptFlush(Vertx vertx, VertxTestContext ctx) {
    Quota quota = new Quota(5, Duration.ofSeconds(10));
    Redis admin = Redis.createClient(vertx, RateLimits.REDIS_URI);
    RedisTap.start(vertx).onComplete(ctx.succeeding(tap -> {
      RateLimiter tapped = RateLimiter.create(vertx, options(tap.uri()));
      tapped.acquire("instagram:acct-1", quota)
          .compose(first -> admin.send(Request.cmd(Command.SCRIPT).arg("FLUSH")))
          .compose(flushed -> tapped.acquire("instagram:acct-1", quota))
          .compose(reloaded -> {
            ctx.verify(() -> assertThat(tap.count("eval")).as("the script was sent again").isPositive());
            tap.forget();
            return tapped.acquire("instagram:acct-1", quota).map(third -> List.of(reloaded, third));
          })
          .onComplete(ctx.succeeding(decisions -> ctx.verify(() -> {
            assertThat(decisions).allMatch(RateDecision::allowed).noneMatch(RateDecision::local);
            assertThat(decisions).extracting(RateDecision::remaining).containsExactly(3, 2);
            assertThat(tap.count("evalsha")).isEqualTo(1);
            assertThat(tap.count("eval")).isZero();
            Future.all(tapped.close(), admin.close()).onComplete(ctx.succeedingThenComplete());
          })));
    }));
  }
}
