package io.chorus.web.problem;

import io.vertx.core.json.JsonObject;

/** One request parameter at fault, and what is wrong with it. */
public record FieldError(String field, String message) {

  JsonObject toJson() {
    return new JsonObject().put("field", field).put("message", message);
  }
}
