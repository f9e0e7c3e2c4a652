package io.chorus.simulator.support;

import io.vertx.ext.web.RoutingContext;

/** Reads the token of an {@code Authorization: Bearer} header; any non-blank token is accepted. */
public final class Bearer {

  private Bearer() {
  }

  /** The token, or null when the header is missing, not Bearer, or blank. */
  public static String token(RoutingContext ctx) {
    String header = ctx.request().getHeader("Authorization");
    if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return null;
    }
    String token = header.substring(7).trim();
    return token.isEmpty() ? null : token;
  }
}
