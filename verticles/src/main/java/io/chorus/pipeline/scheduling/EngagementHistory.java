package io.chorus.pipeline.scheduling;

import java.time.ZonedDateTime;
import java.util.Map;

/**
 * What an account's published posts earned, by the local hour of the week they went out at
 * (0 is Monday 00:00 to 01:00 in the brand's time zone), and how many metric samples that rests on.
 */
public record EngagementHistory(long samples, Map<Integer, Double> engagementByHourOfWeek) {
  /** An account nothing is known about yet. */
  public static final EngagementHistory NONE = new EngagementHistory(0, Map.of());

  public EngagementHistory {
    engagementByHourOfWeek = Map.copyOf(engagementByHourOfWeek);
  }

  /** The hour of the week of a local time: Monday 00:xx is 0, Sunday 23:xx is 167. */
  public static int hourOfWeek(ZonedDateTime local) {
    return (local.getDayOfWeek().getValue() - 1) * 24 + local.getHour();
  }

  /** The mean engagement per post published in the local hour of {@code local}; 0 when none was. */
  public double engagement(ZonedDateTime local) {
    return engagementByHourOfWeek.getOrDefault(hourOfWeek(local), 0.0);
  }
}
