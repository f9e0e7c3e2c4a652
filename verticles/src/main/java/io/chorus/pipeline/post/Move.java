package io.chorus.pipeline.post;

import io.chorus.contracts.ChorusError;
import io.chorus.contracts.ErrorCode;
import io.chorus.contracts.PostState;
import java.time.Instant;
import java.util.UUID;

/**
 * One post's move from one state to another, with what changes alongside it. Null fields leave
 * the post's value as it is. An illegal move cannot be built.
 *
 * @param attempts what happens to the post's attempt count
 * @param exhausted for a move to FAILED: whether the post used up its attempts (a dead letter
 *     worth requeueing) rather than being refused for good
 * @param audit who asked for the move, when a person did; recorded in the audit log with it
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
    Attempts attempts,
    boolean exhausted,
    Audit audit) {

  /** What a move does to the post's attempt count. */
  public enum Attempts {
    KEEP,
    /** Gives back the attempt the publishing claim counted. */
    REFUND,
    /** Starts counting afresh, for a post an operator sends back. */
    RESET
  }

  /** The person behind a move and the audit action it is recorded as, such as {@code post.cancel}. */
  public record Audit(String actor, String action) {}

  public Move {
    if (!from.canMoveTo(to)) {
      throw ChorusError.of(ErrorCode.ILLEGAL_TRANSITION, "a post cannot move from " + from + " to " + to)
          .exception();
    }
  }

  public static Move of(UUID postId, PostState from, PostState to) {
    return new Move(postId, from, to, null, null, null, null, null, Attempts.KEEP, false, null);
  }

  public Move withText(String newText, String newProvider) {
    return new Move(postId, from, to, newText, newProvider, externalId, scheduledAt, detail, attempts,
        exhausted, audit);
  }

  public Move withExternalId(String newExternalId) {
    return new Move(postId, from, to, text, provider, newExternalId, scheduledAt, detail, attempts,
        exhausted, audit);
  }

  public Move withScheduledAt(Instant newScheduledAt) {
    return new Move(postId, from, to, text, provider, externalId, newScheduledAt, detail, attempts,
        exhausted, audit);
  }

  /** Why the post moved, kept in its history (and as its last error when it failed). */
  public Move withDetail(String newDetail) {
    return new Move(postId, from, to, text, provider, externalId, scheduledAt, newDetail, attempts,
        exhausted, audit);
  }

  /**
   * Gives back the attempt the publishing claim counted, for a try the platform never saw (the
   * account's quota was spent), so waiting for quota does not use up a post's attempts.
   */
  public Move refundingAttempt() {
    return new Move(postId, from, to, text, provider, externalId, scheduledAt, detail, Attempts.REFUND,
        exhausted, audit);
  }

  /** Starts the post's attempts again from zero, for a dead letter an operator requeues. */
  public Move resettingAttempts() {
    return new Move(postId, from, to, text, provider, externalId, scheduledAt, detail, Attempts.RESET,
        exhausted, audit);
  }

  /** Marks a failure as the end of the post's attempts rather than a refusal. */
  public Move exhaustingAttempts() {
    return new Move(postId, from, to, text, provider, externalId, scheduledAt, detail, attempts, true, audit);
  }

  /** Records the move in the audit log, in the same statement, as {@code action} by {@code actor}. */
  public Move auditedAs(String actor, String action) {
    return new Move(postId, from, to, text, provider, externalId, scheduledAt, detail, attempts,
        exhausted, new Audit(actor, action));
  }
}
