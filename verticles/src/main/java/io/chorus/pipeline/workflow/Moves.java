package io.chorus.pipeline.workflow;

import io.chorus.contracts.ChorusError;
import io.chorus.contracts.PostState;
import io.chorus.pipeline.post.Move;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** Helpers for stages that work on each post of a batch at once. */
final class Moves {
  private Moves() {}

  /**
   * Runs {@code work} for every post concurrently and collects the moves; a post whose work
   * yields no move (null) stays where it is.
   */
  static Future<List<Move>> each(List<StagePost> posts, Function<StagePost, Future<Move>> work) {
    List<Future<Move>> pending = posts.stream().map(work).toList();
    return Future.join(pending).transform(done -> {
      List<Move> moves = new ArrayList<>();
      pending.forEach(future -> Optional.ofNullable(future.result()).ifPresent(moves::add));
      return Future.succeededFuture(moves);
    });
  }

  /** Leaves a post for the next round after a transient failure; fails it after a permanent one. */
  static Future<Move> failUnlessRetryable(StagePost post, PostState from, ChorusError error) {
    if (error.retryable()) {
      return Future.succeededFuture();
    }
    return Future.succeededFuture(Move.of(post.id(), from, PostState.FAILED)
        .withDetail(error.code() + ": " + error.message()));
  }
}
