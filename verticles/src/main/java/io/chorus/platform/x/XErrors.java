package io.chorus.platform.x;

import io.chorus.platform.ErrorKind;
import io.chorus.platform.ErrorReader;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Map;

/**
 * Reads X's errors: the v2 problem document {@code {"type","title","detail","status"}} (often with
 * {@code errors[{message,parameters}]}), and the legacy {@code {"errors":[{"code","message"}]}}.
 * The problem type, else the legacy code, else the status, tells what the error means.
 */
public final class XErrors implements ErrorReader {
  public static final XErrors READER = new XErrors();

  private static final String PROBLEMS = "https://api.twitter.com/2/problems/";

  /** Problem types by the last segment of their URI. */
  static final Map<String, ErrorKind> BY_PROBLEM_TYPE = Map.ofEntries(
      Map.entry("usage-capped", ErrorKind.THROTTLED),
      Map.entry("rate-limit-exceeded", ErrorKind.THROTTLED),
      Map.entry("invalid-request", ErrorKind.PERMANENT),
      Map.entry("duplicate", ErrorKind.PERMANENT),
      Map.entry("resource-not-found", ErrorKind.PERMANENT),
      Map.entry("not-authorized-for-resource", ErrorKind.PERMANENT),
      Map.entry("not-authorized-for-field", ErrorKind.PERMANENT),
      Map.entry("client-forbidden", ErrorKind.PERMANENT),
      Map.entry("unsupported-authentication", ErrorKind.PERMANENT),
      Map.entry("resource-unavailable", ErrorKind.PERMANENT),
      Map.entry("disallowed-resource", ErrorKind.PERMANENT),
      Map.entry("operational-disconnect", ErrorKind.TRANSIENT),
      Map.entry("service-unavailable", ErrorKind.TRANSIENT));
  /** Legacy v1.1 codes X still sends on some paths. */
  static final Map<Integer, ErrorKind> BY_LEGACY_CODE = Map.ofEntries(
      Map.entry(88, ErrorKind.THROTTLED),     // rate limit exceeded
      Map.entry(185, ErrorKind.THROTTLED),    // over the daily status update limit
      Map.entry(130, ErrorKind.TRANSIENT),    // over capacity
      Map.entry(131, ErrorKind.TRANSIENT),    // internal error
      Map.entry(32, ErrorKind.PERMANENT),     // could not authenticate
      Map.entry(89, ErrorKind.PERMANENT),     // invalid or expired token
      Map.entry(186, ErrorKind.PERMANENT),    // text too long
      Map.entry(187, ErrorKind.PERMANENT),    // duplicate
      Map.entry(324, ErrorKind.PERMANENT),    // media id invalid
      Map.entry(326, ErrorKind.PERMANENT));   // account locked

  private XErrors() {}

  /** A problem's detail (with the first error's message when it says more) or title, or the legacy errors[0].message. */
  @Override
  public String message(JsonObject body) {
    String detail = body.getString("detail", body.getString("title"));
    JsonArray errors = body.getJsonArray("errors", new JsonArray());
    String first = errors.isEmpty() || !(errors.getValue(0) instanceof JsonObject error) ? null : error.getString("message");
    if (detail == null) {
      return first;
    }
    return first == null || first.equals(detail) ? detail : detail + " " + first;
  }

  @Override
  public ErrorKind classify(int status, JsonObject body) {
    String type = body.getString("type", "");
    if (type.startsWith(PROBLEMS)) {
      ErrorKind kind = BY_PROBLEM_TYPE.get(type.substring(PROBLEMS.length()));
      if (kind != null) {
        return kind;
      }
    }
    JsonArray errors = body.getJsonArray("errors", new JsonArray());
    if (!errors.isEmpty() && errors.getValue(0) instanceof JsonObject error && error.getValue("code") instanceof Number code) {
      ErrorKind kind = BY_LEGACY_CODE.get(code.intValue());
      if (kind != null) {
        return kind;
      }
    }
    return ErrorReader.byStatus(status);
  }
}
