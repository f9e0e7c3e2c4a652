package io.chorus.web.posts;

import io.chorus.web.problem.FieldError;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads and checks the JSON body of a review decision: {@code {"text", "note"}}, both optional,
 * to approve; {@code {"reason"}}, required, to reject.
 */
final class ReviewRequest {
  private static final String REASON_REQUIRED = "is required: say why the post is rejected";

  private final List<FieldError> errors = new ArrayList<>();
  private final String reason;
  private final String editedText;

  private ReviewRequest(Buffer raw, boolean approve) {
    JsonObject body = parse(raw);
    if (approve) {
      reason = optionalText(body, "note");
      editedText = optionalText(body, "text");
    } else {
      reason = optionalText(body, "reason");
      editedText = null;
      if (reason == null && errors.isEmpty()) {
        errors.add(new FieldError("reason", REASON_REQUIRED));
      }
    }
  }

  static ReviewRequest approval(Buffer raw) {
    return new ReviewRequest(raw, true);
  }

  static ReviewRequest rejection(Buffer raw) {
    return new ReviewRequest(raw, false);
  }

  /** The fields at fault; when empty the decision may be sent on. */
  List<FieldError> errors() {
    return List.copyOf(errors);
  }

  /** The rejection's reason, or the approval's note (null when none was given). */
  String reason() {
    return reason;
  }

  /** The text as the reviewer edited it, or null to keep the post's text. */
  String editedText() {
    return editedText;
  }

  /** The field's value, or null when absent; a field present but not a non-blank string is an error. */
  private String optionalText(JsonObject body, String field) {
    Object value = body.getValue(field);
    if (value == null) {
      return null;
    }
    if (value instanceof String string && !string.isBlank()) {
      return string;
    }
    errors.add(new FieldError(field, "must be a non-blank string"));
    return null;
  }

  private JsonObject parse(Buffer raw) {
    if (raw == null || raw.toString().isBlank()) {
      return new JsonObject();
    }
    try {
      if (Json.decodeValue(raw) instanceof JsonObject object) {
        return object;
      }
    } catch (DecodeException notJson) {
      // Reported below, as for JSON that is not an object.
    }
    errors.add(new FieldError("body", "must be a JSON object"));
    return new JsonObject();
  }
}
