package io.chorus.platform;

import io.chorus.contracts.platform.ReconcileRequest;
import io.chorus.contracts.platform.ReconcileResult;
import io.vertx.core.Future;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/**
 * Decides whether a post of unknown outcome is on the platform: the first of the account's posts
 * since the post was first claimed whose {@link ContentFingerprint} is the post's.
 */
final class Reconciliation {
  /** Platforms' clocks and ours differ a little; look back a bit further than the first claim. */
  static final Duration CLOCK_SLACK = Duration.ofMinutes(5);
  /** Without a first claim to go by, a day back covers any lease that can have run out. */
  static final Duration DEFAULT_LOOKBACK = Duration.ofDays(1);

  private Reconciliation() {}

  static Future<ReconcileResult> find(
      ReconcileRequest request, Function<Instant, Future<List<RecentPost>>> recentPosts) {
    Instant since = request.notBefore() == null
        ? Instant.now().minus(DEFAULT_LOOKBACK)
        : request.notBefore().minus(CLOCK_SLACK);
    String fingerprint = ContentFingerprint.of(request.text());
    return recentPosts.apply(since).map(posts -> posts.stream()
        .filter(post -> ContentFingerprint.of(post.text()).equals(fingerprint))
        .findFirst()
        .map(post -> new ReconcileResult(request.postId(), true, post.id()))
        .orElse(new ReconcileResult(request.postId(), false, null)));
  }
}
