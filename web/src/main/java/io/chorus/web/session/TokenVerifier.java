package io.chorus.web.session;

import io.chorus.web.auth.Principal;
import io.vertx.core.Future;

/** Checks an API token pasted into the sign-in page. */
@FunctionalInterface
public interface TokenVerifier {

  /** Whom the token stands for, or null when it is not a live token. */
  Future<Principal> principalFor(String token);
}
