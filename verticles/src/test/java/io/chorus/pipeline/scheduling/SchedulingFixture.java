package io.chorus.pipeline.scheduling;

import io.chorus.contracts.Platform;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Arrays;

/** Scheduling configurations for tests: one prior curve for every platform, peaks where a test wants them. */
public final class SchedulingFixture {
  private SchedulingFixture() {}

  /** The {@code scheduling} section, with {@code curve} as every platform's prior. */
  public static JsonObject section(int jitterSeconds, int minSpacingSeconds, int minHistorySamples, JsonObject curve) {
    JsonObject prior = new JsonObject();
    for (Platform platform : Platform.values()) {
      prior.put(platform.id(), curve);
    }
    return new JsonObject()
        .put("jitterSeconds", jitterSeconds)
        .put("minSpacingSeconds", minSpacingSeconds)
        .put("minHistorySamples", minHistorySamples)
        .put("engagementMetrics", new JsonArray().add("likes").add("shares"))
        .put("prior", prior);
  }

  /** A flat curve: every hour as good as any other. */
  public static JsonObject flat() {
    return curve(hours(), hours());
  }

  /** Weight 1 at every hour, except the given {@code hour, weight} pairs. */
  public static double[] hours(double... hourWeightPairs) {
    double[] weights = new double[24];
    Arrays.fill(weights, 1);
    for (int i = 0; i < hourWeightPairs.length; i += 2) {
      weights[(int) hourWeightPairs[i]] = hourWeightPairs[i + 1];
    }
    return weights;
  }

  public static JsonObject curve(double[] weekdays, double[] weekends) {
    return new JsonObject().put("weekdays", array(weekdays)).put("weekends", array(weekends));
  }

  public static SchedulingOptions options(int jitterSeconds, int minSpacingSeconds, int minHistorySamples,
      JsonObject curve) {
    return SchedulingOptions.fromConfig(new JsonObject()
        .put("scheduling", section(jitterSeconds, minSpacingSeconds, minHistorySamples, curve)));
  }

  private static JsonArray array(double[] weights) {
    JsonArray array = new JsonArray();
    Arrays.stream(weights).forEach(array::add);
    return array;
  }
}
