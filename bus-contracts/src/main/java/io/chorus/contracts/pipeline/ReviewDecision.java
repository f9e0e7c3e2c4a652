package io.chorus.contracts.pipeline;

/**
 * A person's decision on a post in review.
 *
 * @param approve true to approve, false to reject
 * @param actor who decided, as the API authenticated them
 * @param reason why it was rejected (required when rejecting), or a note when approving
 * @param editedText the text as the reviewer edited it before approving, or null to keep it
 */
public record ReviewDecision(String postId, boolean approve, String actor, String reason, String editedText) {}
