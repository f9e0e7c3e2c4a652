package io.chorus.contracts.metrics;

import java.time.Instant;
import java.util.Map;

/**
 * A snapshot of the pipeline for live dashboards.
 *
 * @param postsByPlatformAndState post counts keyed by platform id, then by state name
 * @param publishLatency time from a post's due time to its publication, over the recent window
 */
public record LiveMetrics(
    Instant at, Map<String, Map<String, Long>> postsByPlatformAndState, LatencySummary publishLatency) {

  public LiveMetrics {
    postsByPlatformAndState = Map.copyOf(postsByPlatformAndState);
  }
}
