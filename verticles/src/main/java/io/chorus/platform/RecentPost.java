package io.chorus.platform;

import java.time.Instant;

/**
 * A post an account has on a platform, as the platform lists it.
 *
 * @param text the post's text as plain text (already unescaped from the platform's format)
 */
public record RecentPost(String id, String text, Instant createdAt) {}
