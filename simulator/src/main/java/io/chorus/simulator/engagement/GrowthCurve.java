package io.chorus.simulator.engagement;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * How a simulated post's audience grows: every metric follows {@code ceiling * (1 - e^(-age/tau))},
 * where the ceiling and the time constant come from the post id, so the same post at the same age
 * always reads the same, and no metric ever goes down as the post ages. Young posts grow fast
 * (tau between two and ten minutes), so a demo shows numbers moving within seconds.
 */
public final class GrowthCurve {
  /** Each metric's typical ceiling; a post reaches between half and one and a half times it. */
  private static final Map<String, Long> CEILINGS = Map.ofEntries(
      Map.entry("impressions", 6_000L),
      Map.entry("reach", 3_600L),
      Map.entry("views", 4_500L),
      Map.entry("likes", 240L),
      Map.entry("comments", 18L),
      Map.entry("shares", 30L),
      Map.entry("saves", 20L),
      Map.entry("clicks", 90L),
      Map.entry("profile_clicks", 25L),
      Map.entry("quotes", 6L),
      Map.entry("bookmarks", 16L));
  private static final double MIN_TAU_SECONDS = 120;
  private static final double TAU_SPREAD_SECONDS = 480;

  private GrowthCurve() {}

  /** The value of {@code metric} for the post {@code postId} at {@code age}; 0 for a metric the curve does not know. */
  public static long value(String postId, String metric, Duration age) {
    Long ceiling = CEILINGS.get(metric);
    if (ceiling == null || age.isNegative()) {
      return 0;
    }
    double scale = 0.5 + unit(postId + "/" + metric);
    double tau = MIN_TAU_SECONDS + TAU_SPREAD_SECONDS * unit(postId);
    double seconds = age.toMillis() / 1000.0;
    return (long) Math.floor(ceiling * scale * (1 - Math.exp(-seconds / tau)));
  }

  /** A number in [0, 1) fixed by the text. */
  private static double unit(String text) {
    CRC32 crc = new CRC32();
    crc.update(text.getBytes(StandardCharsets.UTF_8));
    return (crc.getValue() % 10_000) / 10_000.0;
  }
}
