package io.chorus.web.webhooks.inbound;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Lenient reads of platform payloads: ids may come as numbers or strings, sections may be missing. */
final class Payloads {
  private Payloads() {}

  /** The value at {@code key} as text (numbers too), or null. */
  static String text(JsonObject object, String key) {
    if (object == null) {
      return null;
    }
    Object value = object.getValue(key);
    return value instanceof String || value instanceof Number || value instanceof Boolean ? value.toString() : null;
  }

  static JsonObject object(JsonObject object, String key) {
    return object != null && object.getValue(key) instanceof JsonObject child ? child : null;
  }

  /** The objects of the array at {@code key}; anything else in it is skipped. */
  static List<JsonObject> objects(JsonObject object, String key) {
    List<JsonObject> found = new ArrayList<>();
    if (object != null && object.getValue(key) instanceof JsonArray array) {
      for (Object item : array) {
        if (item instanceof JsonObject child) {
          found.add(child);
        }
      }
    }
    return found;
  }

  /** The first of {@code values} that is not null. */
  static String first(String... values) {
    for (String value : values) {
      if (value != null) {
        return value;
      }
    }
    return null;
  }

  static Instant epochSeconds(String value) {
    try {
      return value == null ? null : Instant.ofEpochSecond(Long.parseLong(value));
    } catch (NumberFormatException notANumber) {
      return null;
    }
  }

  static Instant epochMillis(String value) {
    try {
      return value == null ? null : Instant.ofEpochMilli(Long.parseLong(value));
    } catch (NumberFormatException notANumber) {
      return null;
    }
  }
}
