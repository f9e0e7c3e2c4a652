package io.chorus.web.session;

import java.time.Instant;

/**
 * A signed-in browser: who it acts as, and the token its unsafe requests must echo in
 * {@code X-CSRF-Token}.
 */
public record Session(String id, String actor, String csrfToken, Instant createdAt) {}
