package io.chorus.contracts.metrics;

import java.time.Instant;
import java.util.Map;

/**
 * A snapshot of the pipeline for live dashboards.
 *
 * @param postsByPlatformAndState post counts keyed by platform id, then by state name
 * @param publishLatency time from a post's due time to its publication, over the recent window
 * @param engagementByPlatform engagement sampled over the recent window, by platform id (empty when none)
 * @param brands the same figures per brand id (empty when the sender does not break them down)
 */
public record LiveMetrics(
    Instant at,
    Map<String, Map<String, Long>> postsByPlatformAndState,
    LatencySummary publishLatency,
    Map<String, Double> engagementByPlatform,
    Map<String, BrandMetrics> brands) {

  public LiveMetrics {
    postsByPlatformAndState = Map.copyOf(postsByPlatformAndState);
    // Senders of the first shape of this record leave the later fields out.
    engagementByPlatform = engagementByPlatform == null ? Map.of() : Map.copyOf(engagementByPlatform);
    brands = brands == null ? Map.of() : Map.copyOf(brands);
  }

  /** A snapshot without engagement or a per-brand breakdown. */
  public LiveMetrics(Instant at, Map<String, Map<String, Long>> postsByPlatformAndState, LatencySummary publishLatency) {
    this(at, postsByPlatformAndState, publishLatency, Map.of(), Map.of());
  }
}
