package io.chorus.web.problem;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * An HTTP error as RFC 9457 problem details ({@code application/problem+json}), optionally
 * naming the request fields at fault.
 *
 * @param retryAfterSeconds sent as {@code Retry-After} when positive; not part of the body
 */
public record Problem(
    String type, String title, int status, String detail, List<FieldError> errors, long retryAfterSeconds) {

  /** The media type of problem details. */
  public static final String MEDIA_TYPE = "application/problem+json";

  public Problem {
    errors = List.copyOf(errors);
  }

  /** A problem with no field errors and no retry hint. */
  public static Problem of(String type, String title, int status, String detail) {
    return new Problem(type, title, status, detail, List.of(), 0);
  }

  /** A 400 naming each request parameter at fault. */
  public static Problem invalidRequest(List<FieldError> errors) {
    String detail = errors.size() == 1
        ? "The request parameter '" + errors.get(0).field() + "' is invalid."
        : "The request has " + errors.size() + " invalid parameters.";
    return new Problem(ProblemTypes.INVALID_REQUEST, "Invalid request", 400, detail, errors, 0);
  }

  public JsonObject toJson() {
    JsonObject json = new JsonObject()
        .put("type", type)
        .put("title", title)
        .put("status", status)
        .put("detail", detail);
    if (!errors.isEmpty()) {
      json.put("errors", new JsonArray(errors.stream().map(FieldError::toJson).toList()));
    }
    return json;
  }
}
