package io.chorus.contracts.pipeline;

/** What an operator can do to a post outside its normal flow. */
public enum PostAction {
  /** A failed post goes back to SCHEDULED, due now, with its attempts reset. */
  REQUEUE,
  /** A post not yet publishing is withdrawn for good. */
  CANCEL,
  /** A scheduled post gets a new due time. */
  RESCHEDULE
}
