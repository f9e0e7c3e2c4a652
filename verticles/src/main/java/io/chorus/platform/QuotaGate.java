package io.chorus.platform;

import io.chorus.contracts.ChorusError;
import io.chorus.contracts.ErrorCode;
import io.chorus.contracts.Platform;
import io.chorus.platform.signal.Throttle;
import io.chorus.platform.signal.ThrottledException;
import io.chorus.ratelimit.Limit;
import io.chorus.ratelimit.Quota;
import io.chorus.ratelimit.RateLimiter;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Decides whether an account may call its platform now: its own quota
 * ({@code platforms.<p>.rateLimit}), its app's quota shared by every account
 * ({@code platforms.<p>.appRateLimit}), and the pauses platforms asked for when they throttled,
 * all in one limiter decision. Keys carry the platform as a Redis hash tag, so one script's keys
 * stay in one slot of a Redis Cluster.
 */
final class QuotaGate {
  private final Platform platform;
  private final RateLimiter limiter;
  private final Quota accountQuota;
  /** Null when the app's quota is not configured. */
  private final Quota appQuota;
  private final long throttleWaitMs;

  /** The wait after a throttle whose platform gave no time (the shortest window any of the five uses). */
  static final long DEFAULT_THROTTLE_WAIT_MS = 60_000;

  QuotaGate(Platform platform, RateLimiter limiter, JsonObject config) {
    this.platform = platform;
    this.limiter = limiter;
    JsonObject section = config.getJsonObject("platforms").getJsonObject(platform.id());
    this.accountQuota = Quota.fromJson(section.getJsonObject("rateLimit"));
    JsonObject app = section.getJsonObject("appRateLimit");
    this.appQuota = app == null ? null : Quota.fromJson(app);
    this.throttleWaitMs = config.getJsonObject("rateLimit", new JsonObject())
        .getLong("throttleWaitMs", DEFAULT_THROTTLE_WAIT_MS);
  }

  /** Takes one call of the account's and the app's quotas, or fails RATE_LIMITED with the wait until both have room. */
  Future<Void> admit(PlatformAccount account) {
    List<Limit> limits = new ArrayList<>(2);
    limits.add(new Limit(accountKey(account), accountQuota));
    // Without a configured app quota the app may still be paused by the platform.
    limits.add(appQuota == null ? Limit.pauseOnly(appKey()) : new Limit(appKey(), appQuota));
    return limiter.acquire(limits).compose(decision -> decision.allowed()
        ? Future.succeededFuture()
        : Future.failedFuture(ChorusError.retryAfter(ErrorCode.RATE_LIMITED, "quota of account " + account.id()
            + " on " + platform.id() + " spent or paused by the platform; room again in "
            + decision.retryAfterMs() + " ms", decision.retryAfterMs()).exception()));
  }

  /**
   * Records the platform's throttle as a pause of the account (or of the whole app) on every node,
   * and fails RATE_LIMITED with a wait equal to the platform's reset.
   */
  <T> Future<T> throttled(PlatformAccount account, ThrottledException throttled) {
    Throttle throttle = throttled.throttle().orWait(throttleWaitMs);
    String key = throttle.scope() == Throttle.Scope.APP ? appKey() : accountKey(account);
    Instant until = Instant.now().plusMillis(throttle.waitMs());
    ChorusError error = ChorusError.retryAfter(ErrorCode.RATE_LIMITED, throttled.error().message(), throttle.waitMs());
    return limiter.pause(key, until).transform(paused -> Future.failedFuture(error.exception()));
  }

  boolean degraded() {
    return limiter.degraded();
  }

  Future<Void> close() {
    return limiter.close();
  }

  private String accountKey(PlatformAccount account) {
    return "{" + platform.id() + "}:" + account.id();
  }

  private String appKey() {
    return "{" + platform.id() + "}:app";
  }
}
