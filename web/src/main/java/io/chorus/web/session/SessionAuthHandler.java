package io.chorus.web.session;

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
  private final Handler<RoutingContext> bearer;

  private SessionAuthHandler(SessionStore sessions, Handler<RoutingContext> bearer) {
    this.sessions = sessions;
    this.bearer = bearer;
  }

  /** Sessions from {@code sessions}, else whatever {@code bearer} says. */
  public static SessionAuthHandler create(SessionStore sessions, Handler<RoutingContext> bearer) {
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
      rc.request().resume();
      if (found.failed()) {
        Problems.send(rc, Problem.of(ProblemTypes.SERVICE_UNAVAILABLE, "Sessions unavailable", 503,
            "The session store does not answer; try again, or use a bearer token."));
      } else if (found.result() == null) {
        bearer.handle(rc);
      } else if (!CsrfCheck.isSafe(rc.request()) && !CsrfCheck.passes(rc.request(), found.result())) {
        Problems.send(rc, Problem.of(ProblemTypes.BLANK, "Forbidden", 403,
            "Requests made with the session cookie must come from this site's pages and carry the "
                + CsrfCheck.HEADER + " header with the value of the " + SessionCookies.CSRF + " cookie."));
      } else {
        rc.put(SESSION_KEY, found.result());
        Principal.authenticated(rc, found.result().principal());
        rc.next();
      }
    });
  }
}
