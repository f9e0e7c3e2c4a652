package io.chorus.web.auth;

import io.vertx.ext.web.RoutingContext;

/** Who is behind an API request, as post histories and the audit log record them. */
public final class Actors {
  /** The holder of the configured bootstrap token. */
  public static final String BOOTSTRAP_ADMIN = "bootstrap-admin";
  /** Anyone at all, when the API is open. */
  public static final String ANONYMOUS = "anonymous";

  private static final String CONTEXT_KEY = "chorus.actor";

  private Actors() {}

  /** The actor the authentication handler recognised for this request, or {@link #ANONYMOUS}. */
  public static String of(RoutingContext rc) {
    String actor = rc.get(CONTEXT_KEY);
    return actor == null ? ANONYMOUS : actor;
  }

  static void recognise(RoutingContext rc, String actor) {
    rc.put(CONTEXT_KEY, actor);
  }
}
