package io.chorus.contracts.metrics;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What a platform agent read for a {@link CollectRequest}.
 *
 * @param collected the posts whose insights the platform gave, normalised
 * @param missing ids of posts the platform no longer knows (deleted, or too old for its insights)
 * @param failed ids of posts not read this time because the platform refused or failed; they are
 *     read again at their next turn
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
