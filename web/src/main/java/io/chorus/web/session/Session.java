package io.chorus.web.session;

import io.chorus.web.auth.Principal;
import java.time.Instant;

/**
 * A signed-in browser: whom it acts as (the principal of the token it signed in with), and the token its unsafe requests must echo in
 * {@code X-CSRF-Token}.
 */
public record Session(String id, Principal principal, String csrfToken, Instant createdAt) {}
