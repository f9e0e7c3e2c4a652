package io.chorus.platform;

import io.chorus.contracts.Platform;
import io.vertx.core.json.JsonObject;

/**
 * One platform's connection settings, from {@code platforms.<id>} of the configuration.
 *
 * @param baseUrl where the platform's API answers, without a trailing slash
 * @param apiVersion the pinned API version (Graph {@code v21.0}, LinkedIn {@code 202601}), or null
 * @param timeoutMs how long one HTTP call may take
 * @param pollMs the pause between two looks at an asynchronous publication (Instagram container, TikTok status)
 * @param pollAttempts how many looks before giving up
 * @param maxConnections how many HTTP connections to the platform may be open at once
 */
public record PlatformSettings(
    String baseUrl, String apiVersion, long timeoutMs, long pollMs, int pollAttempts, int maxConnections) {

  public static final long DEFAULT_TIMEOUT_MS = 10_000;
  public static final long DEFAULT_POLL_MS = 1_000;
  public static final int DEFAULT_POLL_ATTEMPTS = 30;
  /**
   * Calls in flight are bounded by connections (HTTP/1.1 has one call per connection at a time),
   * so publications per second cannot exceed this over the platform's response time.
   */
  public static final int DEFAULT_MAX_CONNECTIONS = 100;

  /** Reads {@code platforms.<id>} from the whole configuration. */
  public static PlatformSettings fromConfig(JsonObject config, Platform platform) {
    JsonObject section = config.getJsonObject("platforms", new JsonObject()).getJsonObject(platform.id());
    if (section == null || section.getString("baseUrl") == null) {
      throw new IllegalArgumentException("platforms." + platform.id() + ".baseUrl is missing");
    }
    return fromJson(section);
  }

  /** Reads one platform's section; Instagram names its polling keys after containers, TikTok after statuses. */
  public static PlatformSettings fromJson(JsonObject json) {
    String baseUrl = json.getString("baseUrl").replaceAll("/+$", "");
    long pollMs = json.getLong("containerPollMs", json.getLong("statusPollMs", DEFAULT_POLL_MS));
    int pollAttempts = json.getInteger("containerPollAttempts",
        json.getInteger("statusPollAttempts", DEFAULT_POLL_ATTEMPTS));
    return new PlatformSettings(baseUrl, json.getString("apiVersion"),
        json.getLong("timeoutMs", DEFAULT_TIMEOUT_MS), pollMs, pollAttempts,
        json.getInteger("maxConnections", DEFAULT_MAX_CONNECTIONS));
  }
}
