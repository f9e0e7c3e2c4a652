package io.chorus.contracts.pipeline;

import io.chorus.contracts.PostState;
import java.time.Instant;

/**
 * One entry of a post's history.
 *
 * @param from the state it left, or null for its first state
 * @param detail what the pipeline noted, such as the platform's error or the reviewer's reason
 */
public record PostEvent(long id, PostState from, PostState to, String detail, Instant at) {}
