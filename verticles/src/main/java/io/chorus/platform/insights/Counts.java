package io.chorus.platform.insights;

import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;

/** Builds one post's normalised metrics from a platform's JSON, leaving out what the platform did not say. */
public final class Counts {
  private final Map<String, Long> values = new LinkedHashMap<>();

  /** Adds the number at {@code field} of {@code json} to {@code metric}, if present. */
  public Counts add(String metric, JsonObject json, String field) {
    if (json != null && json.getValue(field) instanceof Number number) {
      values.merge(metric, number.longValue(), Long::sum);
    }
    return this;
  }

  public Counts put(String metric, long value) {
    values.put(metric, value);
    return this;
  }

  public Map<String, Long> values() {
    return Map.copyOf(values);
  }
}
