package io.chorus.config;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Locale;

/** Reads an environment variable or system property as the JSON type its key's schema node asks for. */
final class ValueConverter {
  private ValueConverter() {
  }

  /**
   * The typed value of a string; lists are comma separated and {@code null} is null where the key
   * allows it. Throws {@link IllegalArgumentException} saying what the string is not.
   */
  static Object convert(ConfigSchema schema, JsonObject node, String raw) {
    List<String> types = ConfigSchema.types(node);
    String text = raw.trim();
    if (types.contains("null") && text.equalsIgnoreCase("null")) {
      return null;
    }
    if (types.contains("array")) {
      return list(schema, node, text);
    }
    if (types.contains("integer")) {
      return integer(text);
    }
    if (types.contains("number")) {
      return number(text);
    }
    if (types.contains("boolean")) {
      return bool(text);
    }
    return raw;
  }

  private static JsonArray list(ConfigSchema schema, JsonObject node, String text) {
    JsonObject items = schema.items(node);
    JsonArray list = new JsonArray();
    for (String item : text.split(",")) {
      if (!item.isBlank()) {
        list.add(items == null ? item.trim() : convert(schema, items, item.trim()));
      }
    }
    return list;
  }

  private static Object integer(String text) {
    try {
      long value = Long.parseLong(text);
      return value == (int) value ? (Object) (int) value : (Object) value;
    } catch (NumberFormatException notInteger) {
      throw new IllegalArgumentException("an integer");
    }
  }

  private static Object number(String text) {
    try {
      double value = Double.parseDouble(text);
      if (Double.isFinite(value)) {
        return value;
      }
    } catch (NumberFormatException notNumber) {
      // Falls through to the same answer as infinity and NaN.
    }
    throw new IllegalArgumentException("a number");
  }

  private static Boolean bool(String text) {
    return switch (text.toLowerCase(Locale.ROOT)) {
      case "true" -> Boolean.TRUE;
      case "false" -> Boolean.FALSE;
      default -> throw new IllegalArgumentException("true or false");
    };
  }
}
