package io.chorus.simulator.support;

import io.vertx.ext.web.RoutingContext;

/**
 * Reads the token of an {@code Authorization: Bearer} header; any non-blank token is accepted.
 * Once {@link Grants} resolved a token to its user, the user stands in for the token.
 */
public final class Bearer {

  /** Routing-context key of the user {@link Grants} resolved the request's token to. */
  public static final String USER = "simulator.user";

  private Bearer() {
  }

  /** The token, or null when the header is missing, not Bearer, or blank. */
  public static String token(RoutingContext ctx) {
    String user = ctx.get(USER);
    if (user != null) {
      return user;
    }
    return raw(ctx);
  }

  /** The token exactly as sent, or null. */
  public static String raw(RoutingContext ctx) {
    String header = ctx.request().getHeader("Authorization");
    if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return null;
    }
    String token = header.substring(7).trim();
    return token.isEmpty() ? null : token;
  }
}
