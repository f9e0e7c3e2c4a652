package io.chorus.ratelimit;

import io.vertx.core.json.JsonObject;
import java.util.Objects;

/** Where the limiter finds Redis, how long it waits for it, and how it behaves without it. */
public class RateLimiterOptions {

  public static final long DEFAULT_CONNECT_TIMEOUT_MS = 1000;
  public static final long DEFAULT_COMMAND_TIMEOUT_MS = 1000;
  public static final long DEFAULT_RETRY_AFTER_FAILURE_MS = 5000;
  public static final double DEFAULT_LOCAL_FALLBACK_FRACTION = 0.25;
  public static final String DEFAULT_KEY_PREFIX = "chorus:rl:";

  private String redisUri;
  private long connectTimeoutMs = DEFAULT_CONNECT_TIMEOUT_MS;
  private long commandTimeoutMs = DEFAULT_COMMAND_TIMEOUT_MS;
  private long retryAfterFailureMs = DEFAULT_RETRY_AFTER_FAILURE_MS;
  private double localFallbackFraction = DEFAULT_LOCAL_FALLBACK_FRACTION;
  private String keyPrefix = DEFAULT_KEY_PREFIX;

  public RateLimiterOptions() {
  }

  public RateLimiterOptions(RateLimiterOptions other) {
    this.redisUri = other.redisUri;
    this.connectTimeoutMs = other.connectTimeoutMs;
    this.commandTimeoutMs = other.commandTimeoutMs;
    this.retryAfterFailureMs = other.retryAfterFailureMs;
    this.localFallbackFraction = other.localFallbackFraction;
    this.keyPrefix = other.keyPrefix;
  }

  /**
   * Reads {@code redis.uri}, {@code redis.connectTimeoutMs}, {@code redis.commandTimeoutMs},
   * {@code redis.retryAfterFailureMs} and {@code rateLimit.localFallbackFraction} from the whole
   * Chorus configuration; absent keys keep their defaults.
   */
  public static RateLimiterOptions fromConfig(JsonObject config) {
    JsonObject redis = config.getJsonObject("redis", new JsonObject());
    JsonObject rateLimit = config.getJsonObject("rateLimit", new JsonObject());
    return new RateLimiterOptions()
        .setRedisUri(redis.getString("uri"))
        .setConnectTimeoutMs(redis.getLong("connectTimeoutMs", DEFAULT_CONNECT_TIMEOUT_MS))
        .setCommandTimeoutMs(redis.getLong("commandTimeoutMs", DEFAULT_COMMAND_TIMEOUT_MS))
        .setRetryAfterFailureMs(redis.getLong("retryAfterFailureMs", DEFAULT_RETRY_AFTER_FAILURE_MS))
        .setLocalFallbackFraction(rateLimit.getDouble("localFallbackFraction", DEFAULT_LOCAL_FALLBACK_FRACTION));
  }

  public String getRedisUri() {
    return redisUri;
  }

  /** The Redis connection string, e.g. {@code redis://host:port}; required. */
  public RateLimiterOptions setRedisUri(String redisUri) {
    this.redisUri = redisUri;
    return this;
  }

  public long getConnectTimeoutMs() {
    return connectTimeoutMs;
  }

  /** How long connecting to Redis (TCP and handshake) may take before the local limiter decides. */
  public RateLimiterOptions setConnectTimeoutMs(long connectTimeoutMs) {
    this.connectTimeoutMs = positive("connectTimeoutMs", connectTimeoutMs);
    return this;
  }

  public long getCommandTimeoutMs() {
    return commandTimeoutMs;
  }

  /** How long one decision may wait for Redis before the local limiter decides instead. */
  public RateLimiterOptions setCommandTimeoutMs(long commandTimeoutMs) {
    this.commandTimeoutMs = positive("commandTimeoutMs", commandTimeoutMs);
    return this;
  }

  public long getRetryAfterFailureMs() {
    return retryAfterFailureMs;
  }

  /** How long a Redis failure keeps the local limiter in charge before Redis is tried again. */
  public RateLimiterOptions setRetryAfterFailureMs(long retryAfterFailureMs) {
    this.retryAfterFailureMs = positive("retryAfterFailureMs", retryAfterFailureMs);
    return this;
  }

  public double getLocalFallbackFraction() {
    return localFallbackFraction;
  }

  /**
   * The share of each quota one node allows while Redis is down (at least one request per
   * period), so that a cluster of nodes falling back together stays under the quota.
   */
  public RateLimiterOptions setLocalFallbackFraction(double localFallbackFraction) {
    if (!(localFallbackFraction >= 0 && localFallbackFraction <= 1)) {
      throw new IllegalArgumentException("localFallbackFraction must be within 0..1, was " + localFallbackFraction);
    }
    this.localFallbackFraction = localFallbackFraction;
    return this;
  }

  public String getKeyPrefix() {
    return keyPrefix;
  }

  /** Prepended to every key in Redis, so the limiter's keys are easy to find and cannot clash. */
  public RateLimiterOptions setKeyPrefix(String keyPrefix) {
    this.keyPrefix = Objects.requireNonNull(keyPrefix, "keyPrefix");
    return this;
  }

  private static long positive(String name, long value) {
    if (value <= 0) {
      throw new IllegalArgumentException(name + " must be > 0, was " + value);
    }
    return value;
  }
}
