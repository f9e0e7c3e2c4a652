package io.chorus.pipeline.post;

import io.chorus.contracts.ChorusError;
import io.chorus.contracts.ErrorCode;
import io.chorus.contracts.PostState;
import java.time.Instant;
import java.util.UUID;

/**
 * One post's move from one state to another, with what changes alongside it. Null fields leave
 * the post's value as it is. An illegal move cannot be built.
 */
public record Move(
    UUID postId,
    PostState from,
    PostState to,
    String text,
    String provider,
    String externalId,
    Instant scheduledAt,
    String detail,
    boolean refundAttempt) {

  public Move {
    if (!from.canMoveTo(to)) {
      throw ChorusError.of(ErrorCode.ILLEGAL_TRANSITION, "a post cannot move from " + from + " to " + to)
          .exception();
    }
  }

  public static Move of(UUID postId, PostState from, PostState to) {
    return new Move(postId, from, to, null, null, null, null, null, false);
  }

  public Move withText(String newText, String newProvider) {
    return new Move(postId, from, to, newText, newProvider, externalId, scheduledAt, detail, refundAttempt);
  }

  public Move withExternalId(String newExternalId) {
    return new Move(postId, from, to, text, provider, newExternalId, scheduledAt, detail, refundAttempt);
  }

  public Move withScheduledAt(Instant newScheduledAt) {
    return new Move(postId, from, to, text, provider, externalId, newScheduledAt, detail, refundAttempt);
  }

  /** Why the post moved, kept in its history (and as its last error when it failed). */
  public Move withDetail(String newDetail) {
    return new Move(postId, from, to, text, provider, externalId, scheduledAt, newDetail, refundAttempt);
  }

  /**
   * Gives back the attempt the publishing claim counted, for a try the platform never saw (the
   * account's quota was spent), so waiting for quota does not use up a post's attempts.
   */
  public Move refundingAttempt() {
    return new Move(postId, from, to, text, provider, externalId, scheduledAt, detail, true);
  }
}
