package io.chorus.platform;

import io.chorus.contracts.Platform;
import io.vertx.core.json.JsonObject;
import java.time.Duration;

/**
 * How one platform's posts are published, from {@code platforms.<id>} of the configuration.
 *
 * @param scheduleAhead Facebook: how long after Chorus hands over a post of type scheduled
 *     Facebook makes it public ({@code scheduleAheadMinutes}, 10 minutes to 30 days)
 * @param privacyLevel TikTok: who may see the posts ({@code privacyLevel}); a post is refused when
 *     the creator's account does not offer it
 */
public record PublishOptions(Duration scheduleAhead, String privacyLevel) {
  public static final long DEFAULT_SCHEDULE_AHEAD_MINUTES = 15;
  public static final String DEFAULT_PRIVACY_LEVEL = "PUBLIC_TO_EVERYONE";

  public static PublishOptions fromConfig(JsonObject config, Platform platform) {
    JsonObject section = config.getJsonObject("platforms", new JsonObject())
        .getJsonObject(platform.id(), new JsonObject());
    return new PublishOptions(
        Duration.ofMinutes(section.getLong("scheduleAheadMinutes", DEFAULT_SCHEDULE_AHEAD_MINUTES)),
        section.getString("privacyLevel", DEFAULT_PRIVACY_LEVEL));
  }
}
