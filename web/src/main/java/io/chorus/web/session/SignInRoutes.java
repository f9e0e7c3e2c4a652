package io.chorus.web.session;

import io.chorus.web.auth.Principal;
import io.chorus.web.problem.Problem;
import io.chorus.web.problem.ProblemTypes;
import io.chorus.web.problem.Problems;
import io.vertx.core.Future;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dashboard's sign-in: {@code GET /signin} shows a form to paste an API token into;
 * {@code POST /signin} checks it, starts a session and sets its cookies; {@code POST /signout}
 * ends it. {@code GET /api/v1/session} (behind the API's authentication) says who the caller is.
 */
public final class SignInRoutes {
  private static final Logger LOG = LoggerFactory.getLogger(SignInRoutes.class);
  private static final int MAX_FORM_BYTES = 4_096;

  private final SessionStore sessions;
  private final TokenVerifier verifier;
  private final SessionCookies cookies;
  private final boolean authRequired;

  private SignInRoutes(SessionStore sessions, TokenVerifier verifier, SessionOptions options, boolean authRequired) {
    this.sessions = sessions;
    this.verifier = verifier;
    this.cookies = new SessionCookies(options);
    this.authRequired = authRequired;
  }

  /**
   * Mounts {@code /signin} and {@code /signout}; call before the API's routes.
   *
   * @param authRequired false when the API is open, so the page says no sign-in is needed
   */
  public static SignInRoutes mount(Router router, SessionStore sessions, TokenVerifier verifier,
      SessionOptions options, boolean authRequired) {
    SignInRoutes routes = new SignInRoutes(sessions, verifier, options, authRequired);
    router.get("/signin").handler(rc -> routes.page(rc, 200, null));
    router.post("/signin").handler(BodyHandler.create(false).setBodyLimit(MAX_FORM_BYTES)).handler(routes::signIn);
    router.post("/signout").handler(routes::signOut);
    return routes;
  }

  /** {@code GET /api/v1/session}: who the caller is authenticated as, and how. */
  public void whoAmI(RoutingContext rc) {
    Session session = rc.get(SessionAuthHandler.SESSION_KEY);
    Principal principal = Principal.of(rc);
    JsonObject body = new JsonObject()
        .put("actor", principal.actor())
        .put("role", principal.role().id())
        .put("brandId", principal.brandId())
        .put("authRequired", authRequired)
        .put("via", session != null ? "session" : authRequired ? "bearer" : "open");
    rc.response().putHeader(HttpHeaders.CONTENT_TYPE, "application/json").end(body.encode());
  }

  private void signIn(RoutingContext rc) {
    if (!CsrfCheck.originAbsentOrSame(rc.request())) {
      Problems.send(rc, Problem.of(ProblemTypes.BLANK, "Forbidden", 403, "Sign in from this site's own page."));
      return;
    }
    String token = rc.request().getFormAttribute("token");
    if (token == null || token.isBlank()) {
      page(rc, 400, "Paste an API token to sign in.");
      return;
    }
    verifier.principalFor(token.trim())
        .compose(principal -> principal == null ? Future.succeededFuture(null) : sessions.create(principal))
        .onComplete(created -> {
          if (created.failed()) {
            LOG.warn("Sign-in failed: {}", created.cause().getMessage());
            page(rc, 503, "Signing in is not possible right now; the session store does not answer.");
          } else if (created.result() == null) {
            page(rc, 401, "That token is not valid.");
          } else {
            cookies.set(rc.response(), created.result());
            rc.response().setStatusCode(303).putHeader(HttpHeaders.LOCATION, "/").end();
          }
        });
  }

  private void signOut(RoutingContext rc) {
    Cookie cookie = rc.request().getCookie(SessionCookies.SESSION);
    if (cookie == null) {
      cookies.clear(rc.response());
      rc.response().setStatusCode(204).end();
      return;
    }
    sessions.find(cookie.getValue())
        .compose(session -> {
          if (session != null && !CsrfCheck.passes(rc.request(), session)) {
            return Future.succeededFuture(false);
          }
          return session == null ? Future.succeededFuture(true)
              : sessions.delete(session.id()).map(true);
        })
        .onComplete(done -> {
          if (done.failed()) {
            Problems.send(rc, Problem.of(ProblemTypes.SERVICE_UNAVAILABLE, "Sessions unavailable", 503,
                "The session store does not answer; try again."));
          } else if (!done.result()) {
            Problems.send(rc, Problem.of(ProblemTypes.BLANK, "Forbidden", 403,
                "Sign out from this site's pages, with the " + CsrfCheck.HEADER + " header."));
          } else {
            cookies.clear(rc.response());
            rc.response().setStatusCode(204).end();
          }
        });
  }

  private void page(RoutingContext rc, int status, String error) {
    rc.response().setStatusCode(status)
        .putHeader(HttpHeaders.CONTENT_TYPE, "text/html; charset=utf-8")
        .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
        .end(SignInPage.render(authRequired, error));
  }
}
