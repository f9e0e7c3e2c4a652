package io.chorus.contracts.metrics;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What a platform agent read for a {@link CollectRequest}.
 *
 * @param collected the posts whose insights the platform gave, normalised
 * @param missing Chorus ids of posts the platform says it no longer knows (deleted); not read again
 * @param failed Chorus ids of posts not read this time (platform refused or failed, unknown
 *     account); they are read again at their next turn
 */
public record CollectResult(List<PostMetrics> collected, List<String> missing, List<String> failed) {

  public CollectResult {
    collected = List.copyOf(collected);
    missing = List.copyOf(missing);
    failed = List.copyOf(failed);
  }

  /**
   * One post's insights at one moment, under Chorus's metric names: {@code likes, comments,
   * shares, saves, reach, impressions, views, clicks}. A platform that does not report a metric
   * leaves it out rather than saying 0.
   */
  public record PostMetrics(String postId, String externalId, Instant sampledAt, Map<String, Long> values) {

    public PostMetrics {
      values = Map.copyOf(values);
    }
  }
}
