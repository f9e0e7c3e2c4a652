package io.chorus.platform;

import io.vertx.core.json.JsonObject;

/** How one platform says, in its error body, what went wrong. */
@FunctionalInterface
public interface ErrorReader {

  /** The platform's own message, or null when the body has none. */
  String message(JsonObject body);

  /** Whether the body reports throttling, for platforms that throttle with a status other than 429. */
  default boolean throttled(JsonObject body) {
    return false;
  }

  /** Whether the body reports a refused access token, for platforms that send that with a status other than 401. */
  default boolean tokenRefused(JsonObject body) {
    return false;
  }

  /** Whether the body reports a temporary fault, for platforms that send those with a 4xx status. */
  default boolean temporary(JsonObject body) {
    return false;
  }
}
