package io.chorus.web.auth;

import io.vertx.ext.web.RoutingContext;

/**
 * Who made an API request, as review decisions and the audit log name them. Authentication
 * handlers set it through {@link Principal#authenticated}; an open API's callers are anonymous.
 */
public final class Actor {
  /** Callers of an API that asks for no token. */
  public static final String ANONYMOUS = "anonymous";

  private static final String KEY = "chorus.actor";

  private Actor() {}

  /** Records who the request was authenticated as. */
  public static void authenticated(RoutingContext rc, String actor) {
    rc.put(KEY, actor);
  }

  /** Who made the request: the authenticated principal, or {@link #ANONYMOUS} when none was asked for. */
  public static String of(RoutingContext rc) {
    String actor = rc.get(KEY);
    return actor == null ? ANONYMOUS : actor;
  }
}
