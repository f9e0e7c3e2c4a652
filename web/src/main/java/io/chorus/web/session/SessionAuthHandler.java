package io.chorus.web.session;

import io.chorus.web.auth.BearerTokenHandler;
import io.chorus.web.auth.Principal;
import io.chorus.web.problem.Problem;
import io.chorus.web.problem.ProblemTypes;
import io.chorus.web.problem.Problems;
import io.vertx.core.Handler;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

/**
 * Lets the session cookie stand in for a bearer token: a request with a live session (and, when
 * unsafe, passing the CSRF checks) is authenticated as the session's actor; any other request is
 * handed to the bearer-token handler, which decides as it would without sessions.
 */
public final class SessionAuthHandler implements Handler<RoutingContext> {
  static final String SESSION_KEY = "chorus.session";

  private final SessionStore sessions;
  private final BearerTokenHandler bearer;

  private SessionAuthHandler(SessionStore sessions, BearerTokenHandler bearer) {
    this.sessions = sessions;
    this.bearer = bearer;
  }

  /**
   * Sessions from {@code sessions}, else whatever {@code bearer} says. A session lasts only as long
   * as the token it was opened with: it acts with that token's current role and brand, and ends
   * when the token is revoked.
   */
  public static SessionAuthHandler create(SessionStore sessions, BearerTokenHandler bearer) {
    return new SessionAuthHandler(sessions, bearer);
  }

  @Override
  public void handle(RoutingContext rc) {
    Cookie cookie = rc.request().getCookie(SessionCookies.SESSION);
    // An explicit bearer token wins: scripts and partners authenticate with it, not with cookies.
    if (cookie == null || rc.request().getHeader(HttpHeaders.AUTHORIZATION) != null) {
      bearer.handle(rc);
      return;
    }
    rc.request().pause();
    sessions.find(cookie.getValue()).onComplete(found -> {
      if (found.failed()) {
        rc.request().resume();
        Problems.send(rc, Problem.of(ProblemTypes.SERVICE_UNAVAILABLE, "Sessions unavailable", 503,
            "The session store does not answer; try again, or use a bearer token."));
      } else if (found.result() == null) {
        rc.request().resume();
        bearer.handle(rc);
      } else if (!CsrfCheck.isSafe(rc.request()) && !CsrfCheck.passes(rc.request(), found.result())) {
        rc.request().resume();
        Problems.send(rc, Problem.of(ProblemTypes.BLANK, "Forbidden", 403,
            "Requests made with the session cookie must come from this site's pages and carry the "
                + CsrfCheck.HEADER + " header with the value of the " + SessionCookies.CSRF + " cookie."));
      } else {
        actAs(rc, found.result());
      }
    });
  }

  private void actAs(RoutingContext rc, Session session) {
    bearer.current(session.principal()).onComplete(checked -> {
      rc.request().resume();
      if (checked.failed()) {
        Problems.send(rc, Problem.of(ProblemTypes.SERVICE_UNAVAILABLE, "Tokens unavailable", 503,
            "The token service does not answer; try again shortly."));
      } else if (checked.result() == null) {
        // The token was revoked: so is every session opened with it.
        sessions.delete(session.id());
        bearer.handle(rc);
      } else {
        rc.put(SESSION_KEY, session);
        Principal.authenticated(rc, checked.result());
        rc.next();
      }
    });
  }
}
