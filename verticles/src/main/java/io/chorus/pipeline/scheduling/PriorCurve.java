package io.chorus.pipeline.scheduling;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.DayOfWeek;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * How good each local hour is for a platform when an account has too little history of its own:
 * 24 relative weights for weekdays and 24 for Saturday and Sunday.
 */
public record PriorCurve(List<Double> weekdays, List<Double> weekends) {
  private static final int HOURS = 24;

  public PriorCurve {
    if (weekdays.size() != HOURS || weekends.size() != HOURS) {
      throw new IllegalArgumentException("a prior curve needs 24 weekday and 24 weekend weights");
    }
    weekdays = List.copyOf(weekdays);
    weekends = List.copyOf(weekends);
  }

  /** Reads {@code {weekdays: [24 numbers], weekends: [24 numbers]}}. */
  public static PriorCurve fromJson(JsonObject json) {
    return new PriorCurve(weights(json.getJsonArray("weekdays")), weights(json.getJsonArray("weekends")));
  }

  /** The weight of the local hour {@code local} falls in. */
  public double weight(ZonedDateTime local) {
    DayOfWeek day = local.getDayOfWeek();
    boolean weekend = day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY;
    return (weekend ? weekends : weekdays).get(local.getHour());
  }

  private static List<Double> weights(JsonArray array) {
    return array.stream().map(value -> ((Number) value).doubleValue()).toList();
  }
}
