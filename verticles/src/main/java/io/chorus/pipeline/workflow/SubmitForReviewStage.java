package io.chorus.pipeline.workflow;

import io.chorus.contracts.PostState;
import io.chorus.pipeline.post.Move;
import io.vertx.core.Future;
import java.util.List;

/** OPTIMIZED to IN_REVIEW: every fitted post goes to review before it can be scheduled. */
final class SubmitForReviewStage implements Stage {

  @Override
  public PostState from() {
    return PostState.OPTIMIZED;
  }

  @Override
  public Future<List<Move>> work(List<StagePost> posts) {
    return Future.succeededFuture(posts.stream()
        .map(post -> Move.of(post.id(), PostState.OPTIMIZED, PostState.IN_REVIEW))
        .toList());
  }
}
