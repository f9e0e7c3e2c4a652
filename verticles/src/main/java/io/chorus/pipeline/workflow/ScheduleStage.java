package io.chorus.pipeline.workflow;

import io.chorus.contracts.PostState;
import io.chorus.pipeline.post.Move;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** APPROVED to SCHEDULED: a post is due at its calendar slot, or now if the slot has passed. */
final class ScheduleStage implements Stage {
  private final Clock clock;

  ScheduleStage(Clock clock) {
    this.clock = clock;
  }

  @Override
  public PostState from() {
    return PostState.APPROVED;
  }

  @Override
  public Future<List<Move>> work(List<StagePost> posts) {
    Instant now = clock.instant();
    return Future.succeededFuture(posts.stream()
        .map(post -> Move.of(post.id(), PostState.APPROVED, PostState.SCHEDULED)
            .withScheduledAt(post.slotAt().isBefore(now) ? now : post.slotAt()))
        .toList());
  }
}
