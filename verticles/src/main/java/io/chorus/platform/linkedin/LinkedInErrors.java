package io.chorus.platform.linkedin;

import io.chorus.platform.ErrorKind;
import io.chorus.platform.ErrorReader;
import io.vertx.core.json.JsonObject;
import java.util.Map;

/**
 * Reads LinkedIn's REST errors {@code {"status","serviceErrorCode","code"?,"message"}}. LinkedIn
 * documents few service error codes, so the status decides most: 429 is its daily quota, 5xx a
 * fault of its own, 401/403/404/409/422/426 refusals; the table adds what the codes say.
 */
public final class LinkedInErrors implements ErrorReader {
  public static final LinkedInErrors READER = new LinkedInErrors();

  static final Map<Integer, ErrorKind> BY_SERVICE_ERROR_CODE = Map.of(
      101, ErrorKind.THROTTLED,     // resource level throttle (daily application or member quota)
      65600, ErrorKind.PERMANENT,   // invalid access token
      65601, ErrorKind.PERMANENT,   // access token revoked
      65602, ErrorKind.PERMANENT,   // access token expired
      100, ErrorKind.PERMANENT);    // access denied, or an illegal argument
  static final Map<String, ErrorKind> BY_CODE = Map.of(
      "TOO_MANY_REQUESTS", ErrorKind.THROTTLED,
      "INTERNAL_SERVER_ERROR", ErrorKind.TRANSIENT,
      "SERVICE_UNAVAILABLE", ErrorKind.TRANSIENT,
      "DUPLICATE_POST", ErrorKind.PERMANENT);

  private LinkedInErrors() {}

  /** The error's message, with its service error code when there is one. */
  @Override
  public String message(JsonObject body) {
    String message = body.getString("message");
    Object serviceCode = body.getValue("serviceErrorCode");
    return message == null || serviceCode == null ? message : message + " (serviceErrorCode " + serviceCode + ")";
  }

  @Override
  public ErrorKind classify(int status, JsonObject body) {
    if (status == 429 || status >= 500) {
      return ErrorReader.byStatus(status);
    }
    ErrorKind kind = body.getValue("code") instanceof String code ? BY_CODE.get(code) : null;
    if (kind == null && body.getValue("serviceErrorCode") instanceof Number code) {
      kind = BY_SERVICE_ERROR_CODE.get(code.intValue());
    }
    return kind == null ? ErrorReader.byStatus(status) : kind;
  }
}
