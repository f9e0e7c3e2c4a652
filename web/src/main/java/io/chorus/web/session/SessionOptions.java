package io.chorus.web.session;

import io.vertx.core.json.JsonObject;

/**
 * How dashboard sessions behave: how long they last, where they are kept, and whether their
 * cookie is marked Secure (always, when Chorus is reached over https).
 *
 * @param keyPrefix prefix of the Redis keys sessions are stored under
 * @param redisTimeoutMs how long one session read or write may take, connecting included
 */
public record SessionOptions(
    long ttlSeconds, boolean secureCookie, String keyPrefix, String redisUri, long redisTimeoutMs) {

  public static final long DEFAULT_TTL_SECONDS = 28_800;
  public static final String DEFAULT_KEY_PREFIX = "chorus:session:";
  public static final long DEFAULT_REDIS_TIMEOUT_MS = 2_000;

  public SessionOptions {
    if (ttlSeconds <= 0) {
      throw new IllegalArgumentException("session.ttlSeconds must be positive, was " + ttlSeconds);
    }
    if (keyPrefix == null || keyPrefix.isBlank()) {
      throw new IllegalArgumentException("session.keyPrefix is required");
    }
    if (redisUri == null || redisUri.isBlank()) {
      throw new IllegalArgumentException("redis.uri is required");
    }
  }

  /** The options from the whole Chorus configuration (sections {@code session} and {@code redis}). */
  public static SessionOptions fromJson(JsonObject wholeConfig) {
    JsonObject session = wholeConfig.getJsonObject("session", new JsonObject());
    JsonObject redis = wholeConfig.getJsonObject("redis", new JsonObject());
    return new SessionOptions(
        session.getLong("ttlSeconds", DEFAULT_TTL_SECONDS),
        session.getBoolean("secureCookie", false),
        session.getString("keyPrefix", DEFAULT_KEY_PREFIX),
        redis.getString("uri"),
        // The first request of a connection also connects, so it may take both times.
        redis.containsKey("commandTimeoutMs") && redis.containsKey("connectTimeoutMs")
            ? redis.getLong("commandTimeoutMs") + redis.getLong("connectTimeoutMs")
            : DEFAULT_REDIS_TIMEOUT_MS);
  }
}
