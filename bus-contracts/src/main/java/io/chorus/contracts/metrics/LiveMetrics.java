package io.chorus.contracts.metrics;

import java.time.Instant;
import java.util.Map;

/**
 * A snapshot of the pipeline for live dashboards.
 *
 * @param postsByPlatformAndState post counts keyed by platform id, then by state name
 * @param publishLatency time from a post's due time to its publication, over the recent window
 * @param engagementByPlatform per platform id, each collected metric (likes, comments, shares,
 *     saves, reach, impressions, views, clicks) summed over the latest sample of every post
 *     published in the recent window; grows as the platforms' insights arrive
 */
public record LiveMetrics(
    Instant at,
    Map<String, Map<String, Long>> postsByPlatformAndState,
    LatencySummary publishLatency,
    Map<String, Map<String, Long>> engagementByPlatform) {

  public LiveMetrics {
    postsByPlatformAndState = Map.copyOf(postsByPlatformAndState);
    engagementByPlatform = engagementByPlatform == null ? Map.of() : Map.copyOf(engagementByPlatform);
  }

  /** A snapshot without engagement figures. */
  public LiveMetrics(Instant at, Map<String, Map<String, Long>> postsByPlatformAndState, LatencySummary publishLatency) {
    this(at, postsByPlatformAndState, publishLatency, Map.of());
  }
}
