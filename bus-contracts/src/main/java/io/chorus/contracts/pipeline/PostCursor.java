package io.chorus.contracts.pipeline;

import java.time.Instant;

/**
 * A position in the post listing: the creation time and id of the last post of a page. Both
 * never change, so a listing walked page by page neither repeats nor skips a post while new
 * ones are created.
 */
public record PostCursor(Instant createdAt, String postId) {}
