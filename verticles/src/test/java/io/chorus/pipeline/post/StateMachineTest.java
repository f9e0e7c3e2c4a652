package io.chorus.pipeline.post;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chorus.contracts.ChorusException;
import io.chorus.contracts.ErrorCode;
import io.chorus.contracts.PostState;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class StateMachineTest {

  @Test
  @DisplayName("the happy path of the architecture's diagram is legal, step by step")
  void happyPathIsLegal() {
    PostState[] path = {PostState.PLANNED, PostState.GENERATED, PostState.OPTIMIZED, PostState.IN_REVIEW,
        PostState.APPROVED, PostState.SCHEDULED, PostState.PUBLISHING, PostState.PUBLISHED};
    for (int i = 1; i < path.length; i++) {
      assertThat(path[i - 1].canMoveTo(path[i])).as(path[i - 1] + " -> " + path[i]).isTrue();
    }
    assertThat(PostState.PUBLISHING.canMoveTo(PostState.SCHEDULED)).as("retry").isTrue();
    assertThat(PostState.PUBLISHING.canMoveTo(PostState.UNKNOWN)).as("lease expired").isTrue();
    assertThat(PostState.UNKNOWN.canMoveTo(PostState.PUBLISHED)).as("reconciled").isTrue();
  }

  @Test
  @DisplayName("an illegal move is refused with a typed ILLEGAL_TRANSITION error, before any SQL runs")
  void illegalMoveIsRefused() {
    UUID post = UUID.randomUUID();
    assertThatThrownBy(() -> Move.of(post, PostState.PUBLISHED, PostState.SCHEDULED))
        .isInstanceOfSatisfying(ChorusException.class, e -> {
          assertThat(e.error().code()).isEqualTo(ErrorCode.ILLEGAL_TRANSITION);
          assertThat(e.error().retryable()).isFalse();
          assertThat(e.error().message()).contains("PUBLISHED").contains("SCHEDULED");
        });
    assertThatThrownBy(() -> Move.of(post, PostState.PLANNED, PostState.PUBLISHED))
        .isInstanceOf(ChorusException.class);
    assertThatThrownBy(() -> Move.of(post, PostState.UNKNOWN, PostState.CANCELLED))
        .as("a post that may be on the platform cannot be cancelled").isInstanceOf(ChorusException.class);
  }

  @Test
  @DisplayName("published, rejected and cancelled posts are final")
  void finalStates() {
    assertThat(PostState.PUBLISHED.isFinal()).isTrue();
    assertThat(PostState.REJECTED.isFinal()).isTrue();
    assertThat(PostState.CANCELLED.isFinal()).isTrue();
    assertThat(PostState.FAILED.isFinal()).as("failed posts can be requeued").isFalse();
  }
}
