package io.chorus.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@DisplayName("One decision covers an account's quota, its app's quota and the pauses platforms asked for")
class AccountAndAppLimitsTest {

  private static final Quota ACCOUNT = new Quota(3, Duration.ofSeconds(60));
  private static final Quota APP = new Quota(4, Duration.ofSeconds(60));

  private static RateLimiterOptions options(String prefix, String uri) {
    return new RateLimiterOptions().setRedisUri(uri).setKeyPrefix(prefix)
        .setLocalFallbackFraction(0.5);
  }

  private static List<Limit> limits(String account) {
    return List.of(new Limit("{x}:" + account, ACCOUNT), new Limit("{x}:app", APP));
  }

  /** {@code n} decisions for the account, each after the previous one. */
  private static Future<List<RateDecision>> inTurn(RateLimiter limiter, String account, int n) {
    Future<List<RateDecision>> chain = Future.succeededFuture(new ArrayList<>());
    for (int i = 0; i < n; i++) {
      chain = chain.compose(decisions -> limiter.acquire(limits(account)).map(decision -> {
        decisions.add(decision);
        return decisions;
      }));
    }
    return chain;
  }

  @Test
  @DisplayName("an account stops at its own quota, and the app at its quota across accounts; a denied decision takes from neither")
  void accountAndAppQuotas(Vertx vertx, VertxTestContext ctx) {
    RateLimiter limiter = RateLimiter.create(vertx, options(RateLimits.uniquePrefix(), RateLimits.REDIS_URI));
    inTurn(limiter, "acct-1", 4)
        .compose(first -> inTurn(limiter, "acct-2", 2).map(second -> List.of(first, second)))
        .onComplete(ctx.succeeding(both -> ctx.verify(() -> {
          assertThat(both.get(0)).extracting(RateDecision::allowed).containsExactly(true, true, true, false);
          assertThat(both.get(0)).noneMatch(RateDecision::local);
          assertThat(both.get(0).get(3).retryAfterMs()).isPositive().isLessThanOrEqualTo(60_000);
          // acct-1's refused fourth took nothing from the app: acct-2 gets the app's last unit.
          assertThat(both.get(1)).extracting(RateDecision::allowed).containsExactly(true, false);
          assertThat(both.get(1).get(0).remaining()).as("the smaller room of the two windows").isZero();
          limiter.close().onComplete(ctx.succeedingThenComplete());
        })));
  }

  @Test
  @DisplayName("a pause recorded by one node denies every node's decisions until it ends, and an earlier pause never shortens it")
  void pausesAreShared(Vertx vertx, VertxTestContext ctx) {
    String prefix = RateLimits.uniquePrefix();
    RateLimiter first = RateLimiter.create(vertx, options(prefix, RateLimits.REDIS_URI));
    RateLimiter second = RateLimiter.create(vertx, options(prefix, RateLimits.REDIS_URI));
    Instant later = Instant.now().plusSeconds(40);
    first.pause("{x}:acct-1", later)
        .compose(paused -> second.pause("{x}:acct-1", Instant.now().plusSeconds(5)))
        .compose(shorter -> second.acquire(limits("acct-1")))
        .compose(denied -> second.acquire(limits("acct-2")).map(other -> List.of(denied, other)))
        .onComplete(ctx.succeeding(decisions -> ctx.verify(() -> {
          RateDecision denied = decisions.get(0);
          assertThat(denied.allowed()).isFalse();
          assertThat(denied.local()).as("decided by Redis, where the first node recorded the pause").isFalse();
          assertThat(denied.retryAfterMs()).isBetween(30_000L, 40_000L);
          assertThat(decisions.get(1).allowed()).as("another account is not paused").isTrue();
          Future.all(first.close(), second.close()).onComplete(ctx.succeedingThenComplete());
        })));
  }

  @Test
  @DisplayName("a paused app denies every account of it")
  void pausedApp(Vertx vertx, VertxTestContext ctx) {
    RateLimiter limiter = RateLimiter.create(vertx, options(RateLimits.uniquePrefix(), RateLimits.REDIS_URI));
    limiter.pause("{x}:app", Instant.now().plusSeconds(30))
        .compose(paused -> limiter.acquire(limits("acct-9")))
        .onComplete(ctx.succeeding(decision -> ctx.verify(() -> {
          assertThat(decision.allowed()).isFalse();
          assertThat(decision.retryAfterMs()).isBetween(20_000L, 30_000L);
          limiter.close().onComplete(ctx.succeedingThenComplete());
        })));
  }

  @Test
  @DisplayName("with Redis unreachable, this node keeps its share of both quotas and the pauses it learned")
  void redisDown(Vertx vertx, VertxTestContext ctx) {
    RateLimiter limiter = RateLimiter.create(vertx, options(RateLimits.uniquePrefix(), "redis://127.0.0.1:1"));
    // Half of each quota locally: one of the account's 3, two of the app's 4.
    inTurn(limiter, "acct-1", 2)
        .compose(first -> inTurn(limiter, "acct-2", 1).map(second -> List.of(first, second)))
        .compose(phases -> inTurn(limiter, "acct-3", 1).map(third -> List.of(phases.get(0), phases.get(1), third)))
        .compose(phases -> limiter.pause("{x}:acct-4", Instant.now().plusSeconds(30))
            .compose(paused -> limiter.acquire(limits("acct-4")))
            .map(paused -> List.of(phases.get(0), phases.get(1), phases.get(2), List.of(paused))))
        .onComplete(ctx.succeeding(phases -> ctx.verify(() -> {
          assertThat(phases.get(0)).extracting(RateDecision::allowed).containsExactly(true, false);
          assertThat(phases.get(1)).extracting(RateDecision::allowed).containsExactly(true);
          assertThat(phases.get(2)).extracting(RateDecision::allowed).as("the app's local share is spent").containsExactly(false);
          assertThat(phases.get(3).get(0).allowed()).isFalse();
          assertThat(phases.get(3).get(0).retryAfterMs()).isBetween(20_000L, 30_000L);
          assertThat(limiter.degraded()).isTrue();
          limiter.close().onComplete(ctx.succeedingThenComplete());
        })));
  }
}
