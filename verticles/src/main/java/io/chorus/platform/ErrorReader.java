package io.chorus.platform;

import io.vertx.core.json.JsonObject;

/** How one platform says, in its error body, what went wrong, and what that means for the post. */
@FunctionalInterface
public interface ErrorReader {

  /** The platform's own message, or null when the body has none. */
  String message(JsonObject body);

  /**
   * What a non-2xx answer means. By default 429 is throttling, 5xx a transient fault and any other
   * status permanent; platforms whose error codes say more (throttles sent as 400, transient
   * faults flagged in the body) look them up in their own table.
   */
  default ErrorKind classify(int status, JsonObject body) {
    return byStatus(status);
  }

  /** The meaning of an HTTP status alone. */
  static ErrorKind byStatus(int status) {
    if (status == 429) {
      return ErrorKind.THROTTLED;
    }
    return status >= 500 ? ErrorKind.TRANSIENT : ErrorKind.PERMANENT;
  }

  /** Whether the body reports a refused access token, for platforms that send that with a status other than 401. */
  default boolean tokenRefused(JsonObject body) {
    return false;
  }
}
