package io.chorus.leader;

import io.vertx.core.json.JsonObject;
import java.time.Duration;

/** How the Team Leader paces planning: the {@code leader} section of the configuration. */
public record LeaderOptions(long planIntervalMs, Duration planHorizon, long requestTimeoutMs) {

  public static LeaderOptions fromConfig(JsonObject config) {
    JsonObject leader = config.getJsonObject("leader");
    return new LeaderOptions(
        leader.getLong("planIntervalMs"),
        Duration.ofSeconds(leader.getLong("planHorizonSeconds")),
        config.getJsonObject("pipeline").getLong("requestTimeoutMs"));
  }
}
