package io.chorus.web.problem;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads a JSON request body field by field and collects every field at fault, so one 400 names
 * them all. A field given as JSON {@code null} counts as absent. Nested objects are read with
 * {@link #object}, and their fields are named with a dotted path such as {@code calendar.maxSlots}.
 * A body that is no JSON object is that one error, with nothing said of its fields.
 */
public final class JsonBody {
  private static final String NOT_AN_OBJECT = "must be a JSON object";

  private final JsonObject json;
  private final String prefix;
  private final List<FieldError> errors;
  private final boolean readable;

  private JsonBody(JsonObject json, String prefix, List<FieldError> errors, boolean readable) {
    this.json = json;
    this.prefix = prefix;
    this.errors = errors;
    this.readable = readable;
  }

  /** The request's body; an empty body reads as {@code {}}, anything but a JSON object is an error of {@code body}. */
  public static JsonBody of(RoutingContext rc) {
    List<FieldError> errors = new ArrayList<>();
    JsonObject json = new JsonObject();
    if (rc.body() != null && rc.body().buffer() != null && !rc.body().buffer().toString().isBlank()) {
      try {
        if (Json.decodeValue(rc.body().buffer()) instanceof JsonObject object) {
          json = object;
        } else {
          errors.add(new FieldError("body", NOT_AN_OBJECT));
        }
      } catch (DecodeException notJson) {
        errors.add(new FieldError("body", NOT_AN_OBJECT));
      }
    }
    return new JsonBody(json, "", errors, errors.isEmpty());
  }

  /** What is wrong with the body; empty when every field read was right. */
  public List<FieldError> errors() {
    return List.copyOf(errors);
  }

  public boolean has(String field) {
    return json.getValue(field) != null;
  }

  /** Whether none of {@code fields} is given. */
  public boolean hasNoneOf(Set<String> fields) {
    return fields.stream().noneMatch(this::has);
  }

  /** Refuses fields other than {@code known}: a misspelt field would otherwise be silently dropped. */
  public JsonBody onlyFields(Set<String> known) {
    for (String field : json.fieldNames()) {
      if (!known.contains(field)) {
        error(field, "is not a field here; expected " + String.join(", ", new TreeSet<>(known)));
      }
    }
    return this;
  }

  /** Records a problem with {@code field}, unless {@code problem} is null. */
  public void check(String field, String problem) {
    if (problem != null) {
      error(field, problem);
    }
  }

  public void error(String field, String message) {
    if (!unreadable()) {
      errors.add(new FieldError(prefix + field, message));
    }
  }

  private boolean unreadable() {
    return !readable;
  }

  /** A non-blank string, or null when absent (an error when required). */
  public String string(String field, boolean required) {
    return text(field, 1, Integer.MAX_VALUE, required);
  }

  /** A string of {@code min} to {@code max} characters that is not all blanks, or null when absent. */
  public String text(String field, int min, int max, boolean required) {
    Object value = json.getValue(field);
    if (value == null) {
      if (required) {
        error(field, "is required");
      }
      return null;
    }
    if (!(value instanceof String text)) {
      error(field, "must be a string");
      return null;
    }
    if (text.isBlank() && min > 0) {
      error(field, "must not be blank");
      return null;
    }
    if (text.length() < min || text.length() > max) {
      error(field, "must be " + min + " to " + max + " characters long, was " + text.length());
      return null;
    }
    return text;
  }

  /** A string that may be empty, or null when absent. */
  public String anyString(String field) {
    return text(field, 0, Integer.MAX_VALUE, false);
  }

  /** An array of non-blank strings, or null when absent. */
  public List<String> strings(String field, boolean required) {
    Object value = json.getValue(field);
    if (value == null) {
      if (required) {
        error(field, "is required");
      }
      return null;
    }
    if (!(value instanceof JsonArray array)) {
      error(field, "must be an array of strings");
      return null;
    }
    List<String> strings = new ArrayList<>(array.size());
    for (Object item : array) {
      if (!(item instanceof String text) || text.isBlank()) {
        error(field, "must be an array of non-blank strings");
        return null;
      }
      strings.add(text);
    }
    return strings;
  }

  /** An integer of at least {@code min}, or null when absent. */
  public Integer integer(String field, int min, boolean required) {
    Object value = json.getValue(field);
    if (value == null) {
      if (required) {
        error(field, "is required");
      }
      return null;
    }
    if (!(value instanceof Integer || value instanceof Long) || ((Number) value).longValue() > Integer.MAX_VALUE) {
      error(field, "must be an integer");
      return null;
    }
    int number = ((Number) value).intValue();
    if (number < min) {
      error(field, "must be at least " + min + ", was " + number);
      return null;
    }
    return number;
  }

  /** An instant written with its offset, such as {@code 2030-01-31T09:00:00Z}, or null when absent. */
  public Instant instant(String field) {
    String text = text(field, 1, 64, false);
    if (text == null) {
      return null;
    }
    try {
      return OffsetDateTime.parse(text.strip()).toInstant();
    } catch (DateTimeParseException malformed) {
      error(field, "must be a date and time with its offset, such as 2030-01-31T09:00:00Z");
      return null;
    }
  }

  /** The nested object {@code field}, read like this one, or null when absent. */
  public JsonBody object(String field, boolean required) {
    Object value = json.getValue(field);
    if (value == null) {
      if (required) {
        error(field, "is required");
      }
      return null;
    }
    if (!(value instanceof JsonObject object)) {
      error(field, "must be an object");
      return null;
    }
    return new JsonBody(object, prefix + field + ".", errors, true);
  }
}
