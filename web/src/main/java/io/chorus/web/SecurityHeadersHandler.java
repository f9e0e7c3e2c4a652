package io.chorus.web;

import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.RoutingContext;

/** Adds the headers that keep browsers from running or framing anything the server did not send itself. */
final class SecurityHeadersHandler implements Handler<RoutingContext> {
  static final String CONTENT_SECURITY_POLICY = String.join("; ",
      "default-src 'self'",
      "img-src 'self' data:",
      "object-src 'none'",
      "base-uri 'self'",
      "form-action 'self'",
      "frame-ancestors 'none'");

  @Override
  public void handle(RoutingContext rc) {
    MultiMap headers = rc.response().headers();
    headers.set("Content-Security-Policy", CONTENT_SECURITY_POLICY);
    headers.set("X-Content-Type-Options", "nosniff");
    // Not no-referrer: under it browsers send "Origin: null" on same-site POSTs, which the
    // sign-in's and the session's origin checks must be able to tell from a foreign site.
    headers.set("Referrer-Policy", "same-origin");
    headers.set("X-Frame-Options", "DENY");
    rc.next();
  }
}
