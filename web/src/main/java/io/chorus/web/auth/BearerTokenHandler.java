package io.chorus.web.auth;

import io.chorus.web.problem.Problem;
import io.chorus.web.problem.ProblemTypes;
import io.chorus.web.problem.Problems;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Lets through only requests that carry the configured bearer token, in the
 * {@code Authorization} header or, for routes that allow it, in the {@code access_token} query
 * parameter (browsers' EventSource cannot send headers).
 */
public final class BearerTokenHandler implements Handler<RoutingContext> {
  /** The query parameter that may carry the token where headers cannot. */
  public static final String ACCESS_TOKEN_PARAM = "access_token";

  private static final String BEARER = "Bearer ";

  private final byte[] expectedDigest;
  private final boolean acceptQueryToken;

  private BearerTokenHandler(String token, boolean acceptQueryToken) {
    this.expectedDigest = digest(token);
    this.acceptQueryToken = acceptQueryToken;
  }

  /** A handler that accepts the token in the {@code Authorization} header only. */
  public static BearerTokenHandler create(String token) {
    return new BearerTokenHandler(token, false);
  }

  /** A handler that also accepts the token as {@code ?access_token=}, for event streams. */
  public static BearerTokenHandler createAcceptingQueryToken(String token) {
    return new BearerTokenHandler(token, true);
  }

  /** Whether {@code token} is the configured token. */
  public boolean accepts(String token) {
    // Comparing digests takes the same time whatever the token's length or first wrong byte.
    return token != null && MessageDigest.isEqual(expectedDigest, digest(token));
  }

  @Override
  public void handle(RoutingContext rc) {
    String presented = presentedToken(rc);
    if (accepts(presented)) {
      Actor.authenticated(rc, Actor.BOOTSTRAP_ADMIN);
      rc.next();
      return;
    }
    rc.response().putHeader("WWW-Authenticate", "Bearer");
    Problems.send(rc, Problem.of(ProblemTypes.UNAUTHORIZED, "Unauthorized", 401,
        presented == null ? "This API needs a bearer token." : "The bearer token is not valid."));
  }

  private String presentedToken(RoutingContext rc) {
    String header = rc.request().getHeader(HttpHeaders.AUTHORIZATION);
    if (header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      return header.substring(BEARER.length()).trim();
    }
    return acceptQueryToken ? rc.request().getParam(ACCESS_TOKEN_PARAM) : null;
  }

  private static byte[] digest(String token) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
