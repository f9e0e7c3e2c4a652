package io.chorus.platform.facebook;

import io.chorus.platform.ErrorKind;
import io.chorus.platform.ErrorReader;
import io.vertx.core.json.JsonObject;
import java.util.Map;

/**
 * Reads the Graph API error envelope {@code {"error":{"message","type","code","error_subcode",
 * "is_transient","error_user_msg","fbtrace_id"}}}, shared by Facebook and Instagram. Graph throttles
 * with 400 or 403 and a code, rarely with 429, so the code decides: first a (code, subcode) pair,
 * then the code, then {@code is_transient}, then the HTTP status.
 */
public final class GraphError implements ErrorReader {
  /** The one reader; it holds no state. */
  public static final GraphError READER = new GraphError();

  /** Codes by what they mean, as Graph's error reference lists them. */
  static final Map<Integer, ErrorKind> BY_CODE = Map.ofEntries(
      Map.entry(1, ErrorKind.TRANSIENT),        // unknown error, possibly temporary
      Map.entry(2, ErrorKind.TRANSIENT),        // service temporarily unavailable
      Map.entry(4, ErrorKind.THROTTLED),        // application request limit
      Map.entry(17, ErrorKind.THROTTLED),       // user request limit
      Map.entry(32, ErrorKind.THROTTLED),       // page request limit
      Map.entry(341, ErrorKind.THROTTLED),      // application limit reached
      Map.entry(368, ErrorKind.THROTTLED),      // temporarily blocked for policy violations: wait
      Map.entry(613, ErrorKind.THROTTLED),      // custom rate limit
      Map.entry(80001, ErrorKind.THROTTLED),    // business use case throttle: Pages
      Map.entry(80002, ErrorKind.THROTTLED),    // business use case throttle: Instagram
      Map.entry(10, ErrorKind.PERMANENT),       // permission denied
      Map.entry(100, ErrorKind.PERMANENT),      // invalid parameter
      Map.entry(190, ErrorKind.PERMANENT),      // access token invalid or expired
      Map.entry(200, ErrorKind.PERMANENT),      // permission missing
      Map.entry(506, ErrorKind.PERMANENT),      // duplicate post
      Map.entry(1609005, ErrorKind.PERMANENT)); // link could not be fetched
  /** Instagram publishing codes that only their subcode explains. */
  static final Map<String, ErrorKind> BY_CODE_AND_SUBCODE = Map.of(
      "9/2207042", ErrorKind.THROTTLED,         // daily publishing limit reached
      "9007/2207027", ErrorKind.TRANSIENT,      // media not ready for publishing yet
      "-2/2207001", ErrorKind.TRANSIENT,        // Instagram server error
      "9004/2207052", ErrorKind.PERMANENT);     // media could not be fetched from its URL
  /** The access token is invalid, expired or revoked (with subcodes 458 to 467 saying why). */
  private static final int TOKEN_REFUSED = 190;

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
    Object subcode = error.getValue("error_subcode");
    if (code == null) {
      return message;
    }
    return message + " (code " + code + (subcode == null ? "" : ", subcode " + subcode) + ")";
  }

  @Override
  public ErrorKind classify(int status, JsonObject body) {
    JsonObject error = body.getValue("error") instanceof JsonObject object ? object : new JsonObject();
    Integer code = error.getValue("code") instanceof Number n ? n.intValue() : null;
    Integer subcode = error.getValue("error_subcode") instanceof Number n ? n.intValue() : null;
    ErrorKind kind = code == null ? null : BY_CODE_AND_SUBCODE.get(code + "/" + subcode);
    if (kind == null && code != null) {
      kind = BY_CODE.get(code);
      if (kind == null && code >= 200 && code <= 299) {
        kind = ErrorKind.PERMANENT;             // the 2xx range: one missing permission each
      }
      if (kind == null && code >= 80000 && code <= 80099) {
        kind = ErrorKind.THROTTLED;             // the other business use case throttles
      }
    }
    if (kind == null && Boolean.TRUE.equals(error.getValue("is_transient"))) {
      kind = ErrorKind.TRANSIENT;
    }
    return kind == null ? ErrorReader.byStatus(status) : kind;
  }

  @Override
  public boolean tokenRefused(JsonObject body) {
    Object code = body.getValue("error") instanceof JsonObject error ? error.getValue("code") : null;
    return code instanceof Number number && number.intValue() == TOKEN_REFUSED;
  }
}
