package io.chorus.web.session;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Set;

/**
 * The checks a cookie-authenticated unsafe request must pass: it comes from a page of this same
 * host (its {@code Origin}), and it echoes the session's CSRF token in {@value #HEADER}, which
 * another site can neither read nor guess.
 */
final class CsrfCheck {
  static final String HEADER = "X-CSRF-Token";

  private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

  private CsrfCheck() {}

  static boolean isSafe(HttpServerRequest request) {
    return SAFE.contains(request.method());
  }

  /** Whether an {@code Origin} header, if present, names this request's own host. */
  static boolean originAbsentOrSame(HttpServerRequest request) {
    String origin = request.getHeader(HttpHeaders.ORIGIN);
    return origin == null || sameOrigin(request, origin);
  }

  /** Whether the request carries an {@code Origin} naming its own host and the session's token. */
  static boolean passes(HttpServerRequest request, Session session) {
    String origin = request.getHeader(HttpHeaders.ORIGIN);
    String presented = request.getHeader(HEADER);
    return origin != null && sameOrigin(request, origin) && presented != null
        && MessageDigest.isEqual(presented.getBytes(StandardCharsets.UTF_8),
            session.csrfToken().getBytes(StandardCharsets.UTF_8));
  }

  private static boolean sameOrigin(HttpServerRequest request, String origin) {
    String host = request.getHeader(HttpHeaders.HOST);
    if (host == null || "null".equals(origin)) {
      return false;
    }
    try {
      URI uri = URI.create(origin);
      String authority = uri.getRawAuthority();
      return authority != null && authority.equalsIgnoreCase(host);
    } catch (IllegalArgumentException malformed) {
      return false;
    }
  }
}
