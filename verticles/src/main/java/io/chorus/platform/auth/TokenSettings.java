package io.chorus.platform.auth;

import io.vertx.core.json.JsonObject;

/**
 * How the agents keep accounts authorized: the {@code tokens} section of the configuration.
 *
 * @param encryptionKey base64 of the 256-bit AES key that encrypts tokens at rest, already resolved
 *     from its secret reference; null keeps renewed tokens in memory only
 * @param refreshAheadSeconds an access token this close to its expiry is renewed before use
 * @param expiryWarningDays a token that cannot be renewed automatically is escalated this many
 *     days before it expires
 * @param checkIntervalMs how often expiry dates are looked at
 * @param reauthorizationRecheckMs how long a post of an account that needs authorizing again
 *     waits before it asks again
 */
public record TokenSettings(
    String encryptionKey, long refreshAheadSeconds, int expiryWarningDays, long checkIntervalMs,
    long reauthorizationRecheckMs) {

  public static final long DEFAULT_REFRESH_AHEAD_SECONDS = 300;
  public static final int DEFAULT_EXPIRY_WARNING_DAYS = 7;
  public static final long DEFAULT_CHECK_INTERVAL_MS = 3_600_000;
  public static final long DEFAULT_REAUTHORIZATION_RECHECK_MS = 60_000;

  public static TokenSettings fromConfig(JsonObject config) {
    JsonObject tokens = config.getJsonObject("tokens", new JsonObject());
    return new TokenSettings(
        tokens.getString("encryptionKey"),
        tokens.getLong("refreshAheadSeconds", DEFAULT_REFRESH_AHEAD_SECONDS),
        tokens.getInteger("expiryWarningDays", DEFAULT_EXPIRY_WARNING_DAYS),
        tokens.getLong("checkIntervalMs", DEFAULT_CHECK_INTERVAL_MS),
        tokens.getLong("reauthorizationRecheckMs", DEFAULT_REAUTHORIZATION_RECHECK_MS));
  }

  /** Without the key, which must never reach a log. */
  @Override
  public String toString() {
    return "TokenSettings[refreshAheadSeconds=" + refreshAheadSeconds + ", expiryWarningDays=" + expiryWarningDays
        + ", encrypted=" + (encryptionKey != null) + "]";
  }
}
