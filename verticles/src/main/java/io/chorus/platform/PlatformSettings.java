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
 */
public record PlatformSettings(
    String baseUrl, String apiVersion, long timeoutMs, long pollMs, int pollAttempts) {

  public static final long DEFAULT_TIMEOUT_MS = 10_000;
  public static final long DEFAULT_POLL_MS = 1_000;
  public static final int DEFAULT_POLL_ATTEMPTS = 30;

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
        json.getLong("timeoutMs", DEFAULT_TIMEOUT_MS), pollMs, pollAttempts);
  }
}
