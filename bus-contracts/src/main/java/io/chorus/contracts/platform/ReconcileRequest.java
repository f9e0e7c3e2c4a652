package io.chorus.contracts.platform;

import java.time.Instant;

/**
 * Ask a platform agent whether a post whose publication outcome is unknown is on the platform.
 *
 * @param text the text that was sent, as fitted for the platform
 * @param notBefore the earliest time the post could have been published (its first claim)
 */
public record ReconcileRequest(String postId, String accountId, String text, Instant notBefore) {}
