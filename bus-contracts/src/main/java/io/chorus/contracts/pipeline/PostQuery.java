package io.chorus.contracts.pipeline;

import io.chorus.contracts.Platform;
import io.chorus.contracts.PostState;

/**
 * Filters for listing posts, newest first.
 *
 * @param state only posts in this state, or null for all
 * @param platform only posts for this platform, or null for all
 */
public record PostQuery(PostState state, Platform platform, int limit) {}
