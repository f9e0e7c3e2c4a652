package io.chorus.web.session;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.HttpServerResponse;

/**
 * The two cookies of a session: {@value #SESSION} (HttpOnly, the session id) and {@value #CSRF}
 * (readable by the page's script, which echoes it in {@code X-CSRF-Token}). Both are
 * SameSite=Strict with Path=/, and Secure when configured.
 */
final class SessionCookies {
  static final String SESSION = "chorus_session";
  static final String CSRF = "chorus_csrf";

  private final boolean secure;
  private final long maxAgeSeconds;

  SessionCookies(SessionOptions options) {
    this.secure = options.secureCookie();
    this.maxAgeSeconds = options.ttlSeconds();
  }

  void set(HttpServerResponse response, Session session) {
    response.addCookie(cookie(SESSION, session.id(), true, maxAgeSeconds));
    response.addCookie(cookie(CSRF, session.csrfToken(), false, maxAgeSeconds));
  }

  void clear(HttpServerResponse response) {
    response.addCookie(cookie(SESSION, "", true, 0));
    response.addCookie(cookie(CSRF, "", false, 0));
  }

  private Cookie cookie(String name, String value, boolean httpOnly, long maxAge) {
    return Cookie.cookie(name, value)
        .setPath("/")
        .setHttpOnly(httpOnly)
        .setSecure(secure)
        .setSameSite(CookieSameSite.STRICT)
        .setMaxAge(maxAge);
  }
}
