package io.chorus.pipeline.workflow;

import io.chorus.contracts.PostState;
import io.chorus.pipeline.post.Move;
import io.chorus.pipeline.post.PostTransitions;
import io.vertx.core.Future;
import java.util.List;

/** One step of a post's way to publication: takes posts in one state and says where each goes. */
interface Stage {

  /** The state this stage takes posts from. */
  PostState from();

  /**
   * The moves for a batch of posts. A post with no move stays where it is and is tried again in a
   * later round (used for transient failures of other verticles).
   */
  Future<List<Move>> work(List<StagePost> posts);

  /** One round: the batch's moves applied; the result is how many happened. */
  default Future<Integer> round(List<StagePost> posts, PostTransitions transitions) {
    return work(posts).compose(transitions::apply).map(List::size);
  }
}
