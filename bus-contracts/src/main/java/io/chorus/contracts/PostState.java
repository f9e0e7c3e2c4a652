package io.chorus.contracts;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/** The states of a post's life, and which moves between them are legal. */
public enum PostState {
  PLANNED,
  GENERATED,
  OPTIMIZED,
  IN_REVIEW,
  APPROVED,
  REJECTED,
  SCHEDULED,
  PUBLISHING,
  PUBLISHED,
  FAILED,
  UNKNOWN,
  CANCELLED;

  private static final Map<PostState, Set<PostState>> NEXT = Map.ofEntries(
      Map.entry(PLANNED, EnumSet.of(GENERATED, FAILED, CANCELLED)),
      Map.entry(GENERATED, EnumSet.of(OPTIMIZED, FAILED, CANCELLED)),
      Map.entry(OPTIMIZED, EnumSet.of(IN_REVIEW, CANCELLED)),
      Map.entry(IN_REVIEW, EnumSet.of(APPROVED, REJECTED, CANCELLED)),
      Map.entry(APPROVED, EnumSet.of(SCHEDULED, CANCELLED)),
      Map.entry(REJECTED, EnumSet.noneOf(PostState.class)),
      // SCHEDULED to SCHEDULED is a reschedule: a new due time, conditional on the post still waiting.
      Map.entry(SCHEDULED, EnumSet.of(PUBLISHING, SCHEDULED, CANCELLED)),
      Map.entry(PUBLISHING, EnumSet.of(PUBLISHED, SCHEDULED, FAILED, UNKNOWN)),
      Map.entry(PUBLISHED, EnumSet.noneOf(PostState.class)),
      Map.entry(FAILED, EnumSet.of(SCHEDULED, CANCELLED)),
      Map.entry(UNKNOWN, EnumSet.of(PUBLISHED, SCHEDULED)),
      Map.entry(CANCELLED, EnumSet.noneOf(PostState.class)));

  /** Whether a post in this state may move to {@code next}. */
  public boolean canMoveTo(PostState next) {
    return NEXT.get(this).contains(next);
  }

  /** Whether no further transition can leave this state. */
  public boolean isFinal() {
    return NEXT.get(this).isEmpty();
  }
}
