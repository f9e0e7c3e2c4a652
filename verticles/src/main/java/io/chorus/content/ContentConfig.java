package io.chorus.content;

import io.vertx.core.json.JsonObject;

/**
 * The Content verticle's settings, read from the {@code content} section of the configuration.
 *
 * @param offlineSeed {@code content.offline.seed}: with each request's seed, fixes what the offline generator writes
 */
public record ContentConfig(long offlineSeed) {
  /** The offline seed when the configuration names none. */
  public static final long DEFAULT_OFFLINE_SEED = 0L;

  /** Reads the settings from the whole Chorus configuration. */
  public static ContentConfig fromJson(JsonObject config) {
    JsonObject offline = config.getJsonObject("content", new JsonObject())
        .getJsonObject("offline", new JsonObject());
    return new ContentConfig(offline.getLong("seed", DEFAULT_OFFLINE_SEED));
  }
}
