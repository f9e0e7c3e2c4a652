package io.chorus.contracts.metrics;

import java.util.Map;

/**
 * One brand's share of a live snapshot, so streams filtered by brand show that brand only.
 *
 * @param postsByPlatformAndState post counts keyed by platform id, then by state name
 * @param engagementByPlatform engagement (likes, comments, shares ...) sampled over the recent window, by platform id
 */
public record BrandMetrics(Map<String, Map<String, Long>> postsByPlatformAndState, Map<String, Double> engagementByPlatform) {

  public BrandMetrics {
    postsByPlatformAndState = postsByPlatformAndState == null ? Map.of() : Map.copyOf(postsByPlatformAndState);
    engagementByPlatform = engagementByPlatform == null ? Map.of() : Map.copyOf(engagementByPlatform);
  }
}
