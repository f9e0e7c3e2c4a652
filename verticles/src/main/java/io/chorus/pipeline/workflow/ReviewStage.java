package io.chorus.pipeline.workflow;

import io.chorus.contracts.PostState;
import io.chorus.pipeline.post.Move;
import io.chorus.pipeline.review.ApprovalMode;
import io.chorus.pipeline.review.Candidate;
import io.chorus.pipeline.review.RecentPost;
import io.chorus.pipeline.review.ReviewOptions;
import io.chorus.pipeline.review.ReviewRules;
import io.chorus.pipeline.review.ReviewStore;
import io.chorus.pipeline.review.Violation;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * IN_REVIEW by the brand's rules: a post that breaks any is REJECTED with every violation
 * explained; one that keeps them all is APPROVED at once, or, for brands that want a person to
 * approve, marked as waiting so that this stage does not look at it again.
 */
final class ReviewStage implements Stage {
  private final ReviewStore store;
  private final ReviewOptions options;

  ReviewStage(ReviewStore store, ReviewOptions options) {
    this.store = store;
    this.options = options;
  }

  @Override
  public PostState from() {
    return PostState.IN_REVIEW;
  }

  @Override
  public Future<List<Move>> work(List<StagePost> posts) {
    List<String> accounts = posts.stream().map(StagePost::accountId).distinct().toList();
    return store.recentPosts(accounts, options.recentPosts()).compose(recent -> {
      List<Move> moves = new ArrayList<>();
      List<UUID> waiting = new ArrayList<>();
      for (StagePost post : posts) {
        List<Violation> violations = violations(post, recent);
        if (!violations.isEmpty()) {
          moves.add(Move.of(post.id(), PostState.IN_REVIEW, PostState.REJECTED)
              .withDetail(ReviewRules.explain(violations)));
        } else if (post.rules().approval() == ApprovalMode.AUTOMATIC) {
          moves.add(Move.of(post.id(), PostState.IN_REVIEW, PostState.APPROVED).withDetail("approved automatically"));
        } else {
          waiting.add(post.id());
        }
      }
      return store.awaitApproval(waiting).map(marked -> moves);
    });
  }

  private List<Violation> violations(StagePost post, Map<String, List<RecentPost>> recent) {
    Candidate candidate = new Candidate(post.text(), recent.getOrDefault(post.accountId(), List.of()));
    return ReviewRules.of(post.rules(), post.campaign(), options).check(candidate);
  }
}
