package io.chorus.web.session;

import io.vertx.core.Future;

/** Checks an API token pasted into the sign-in page. */
@FunctionalInterface
public interface TokenVerifier {

  /** Who the token authenticates, or null when it is not a valid token. */
  Future<String> actorFor(String token);
}
