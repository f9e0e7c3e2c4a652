package io.chorus.pipeline.publishing;

import io.chorus.contracts.Platform;
import java.time.Instant;
import java.util.UUID;

/**
 * A post whose publication outcome is unknown, held by this reconciler for a while.
 *
 * @param notBefore when the post was first claimed for publishing: it cannot be on the platform
 *     from before then
 */
record UnknownPost(UUID id, String accountId, Platform platform, String text, Instant notBefore) {}
