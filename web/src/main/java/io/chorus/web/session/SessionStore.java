package io.chorus.web.session;

import io.chorus.web.auth.Principal;
import io.chorus.web.session.impl.RedisSessionStore;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

/** Where dashboard sessions live, server side, until they expire or their owner signs out. */
public interface SessionStore {

  /** A store in Redis, each session under its own key with the configured time to live. */
  static SessionStore create(Vertx vertx, SessionOptions options) {
    return new RedisSessionStore(vertx, options);
  }

  /** Starts a session for {@code actor}, with a fresh random id and CSRF token. */
  Future<Session> create(Principal principal);

  /** The session with this id, or null when there is none (unknown, expired or signed out). */
  Future<Session> find(String id);

  /** Ends the session; ending one that does not exist succeeds. */
  Future<Void> delete(String id);

  Future<Void> close();
}
