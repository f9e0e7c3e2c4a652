package io.chorus.pipeline.scheduling;

import io.chorus.contracts.Platform;
import io.vertx.core.json.JsonObject;
import java.time.Duration;

/**
 * The window after each calendar slot in which a campaign's post may go out:
 * {@code calendar.platforms.<platform>.windowMinutes}, else {@code calendar.windowMinutes}, else
 * none (the post goes out at the slot).
 */
public final class CalendarWindow {
  private CalendarWindow() {}

  /** The window of {@code platform}'s posts under a campaign's {@code calendar} configuration. */
  public static Duration of(JsonObject calendar, Platform platform) {
    JsonObject own = calendar.getJsonObject("platforms", new JsonObject()).getJsonObject(platform.id());
    Integer minutes = own == null ? null : own.getInteger("windowMinutes");
    if (minutes == null) {
      minutes = calendar.getInteger("windowMinutes", 0);
    }
    return Duration.ofMinutes(minutes);
  }
}
