package io.chorus.pipeline.review;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A post must not read like one its account recently scheduled or published: a similarity (see
 * {@link Similarity}) at or above the threshold is a violation naming the closest such post.
 */
public final class NearDuplicate implements ReviewRule {
  private final double threshold;

  public NearDuplicate(double threshold) {
    this.threshold = threshold;
  }

  @Override
  public List<Violation> check(Candidate candidate) {
    RecentPost closest = null;
    double best = -1;
    Set<String> shingles = Similarity.shingles(candidate.text());
    for (RecentPost recent : candidate.recentPosts()) {
      double similarity = Similarity.of(shingles, recent.shingles());
      if (similarity > best) {
        best = similarity;
        closest = recent;
      }
    }
    if (closest == null || best < threshold) {
      return List.of();
    }
    return List.of(new Violation("near-duplicate", String.format(Locale.ROOT,
        "reads like recent post %s of the same account: similarity %.2f, at or above the threshold %.2f",
        closest.postId(), best, threshold)));
  }
}
