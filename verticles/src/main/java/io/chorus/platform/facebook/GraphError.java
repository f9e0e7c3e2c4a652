package io.chorus.platform.facebook;

import io.chorus.platform.ErrorReader;
import io.vertx.core.json.JsonObject;
import java.util.Set;

/**
 * Reads the Graph API error envelope {@code {"error":{"message","code","is_transient",...}}},
 * shared by Facebook and Instagram. Graph throttles with 400 or 403 and a code, rarely with 429.
 */
public final class GraphError implements ErrorReader {
  /** The one reader; it holds no state. */
  public static final GraphError READER = new GraphError();

  /**
   * App, user, page, custom and business-use-case request limits (Pages, Instagram, ads insights,
   * ads management, Messenger, WhatsApp), and Instagram's daily publishing quota (9).
   */
  private static final Set<Integer> THROTTLE_CODES =
      Set.of(4, 9, 17, 32, 341, 613, 80000, 80001, 80002, 80004, 80006, 80008);
  /** The access token is invalid, expired or revoked (with subcodes 458 to 467 saying why). */
  private static final int TOKEN_REFUSED = 190;
  /** Unknown error and service temporarily unavailable. */
  private static final Set<Integer> TEMPORARY_CODES = Set.of(1, 2);

  private GraphError() {}

  /** The error's message with its Graph code, which tells throttling, permissions and bad parameters apart. */
  @Override
  public String message(JsonObject body) {
    JsonObject error = body.getJsonObject("error");
    if (error == null) {
      return null;
    }
    String message = error.getString("error_user_msg", error.getString("message"));
    Object code = error.getValue("code");
    return code == null ? message : message + " (code " + code + ")";
  }

  @Override
  public boolean throttled(JsonObject body) {
    return THROTTLE_CODES.contains(code(body));
  }

  @Override
  public boolean tokenRefused(JsonObject body) {
    Integer code = code(body);
    return code != null && code == TOKEN_REFUSED;
  }

  @Override
  public boolean temporary(JsonObject body) {
    JsonObject error = body.getJsonObject("error", new JsonObject());
    return TEMPORARY_CODES.contains(code(body)) || Boolean.TRUE.equals(error.getValue("is_transient"));
  }

  private static Integer code(JsonObject body) {
    Object code = body.getJsonObject("error", new JsonObject()).getValue("code");
    return code instanceof Number number ? number.intValue() : null;
  }
}
