package io.chorus.contracts.pipeline;

import java.time.Instant;

/**
 * An operator's command on one post.
 *
 * @param actor who asked, as the API authenticated them
 * @param scheduledAt the new due time, for RESCHEDULE only
 */
public record PostCommand(String postId, PostAction action, String actor, String reason, Instant scheduledAt) {}
