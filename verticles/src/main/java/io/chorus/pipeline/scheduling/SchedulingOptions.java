package io.chorus.pipeline.scheduling;

import io.chorus.contracts.Platform;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** How posts are placed in time: the {@code scheduling} section of the configuration. */
public record SchedulingOptions(
    Duration jitter,
    Duration minSpacing,
    int minHistorySamples,
    List<String> engagementMetrics,
    Map<Platform, PriorCurve> prior) {

  public SchedulingOptions {
    engagementMetrics = List.copyOf(engagementMetrics);
    prior = Map.copyOf(prior);
  }

  public static SchedulingOptions fromConfig(JsonObject config) {
    JsonObject scheduling = config.getJsonObject("scheduling");
    JsonObject priors = scheduling.getJsonObject("prior");
    Map<Platform, PriorCurve> prior = new EnumMap<>(Platform.class);
    for (Platform platform : Platform.values()) {
      prior.put(platform, PriorCurve.fromJson(priors.getJsonObject(platform.id())));
    }
    return new SchedulingOptions(
        Duration.ofSeconds(scheduling.getInteger("jitterSeconds")),
        Duration.ofSeconds(scheduling.getInteger("minSpacingSeconds")),
        scheduling.getInteger("minHistorySamples"),
        scheduling.getJsonArray("engagementMetrics").stream().map(String::valueOf).toList(),
        prior);
  }

  /** The prior curve of a platform. */
  public PriorCurve prior(Platform platform) {
    return prior.get(platform);
  }
}
