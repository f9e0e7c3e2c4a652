package io.chorus.config;

import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** The words configuration problems are made of: how a value looks and what a schema node expects. */
final class Phrases {
  private static final int LONGEST_VALUE = 60;

  private Phrases() {
  }

  /** A value as it would be written in JSON, shortened when long, hidden when it may be a secret. */
  static String value(Object value, JsonObject node) {
    if (value != null && node != null && mayBeSecret(value, node)) {
      return "(hidden)";
    }
    String json = Json.encode(value);
    return json.length() > LONGEST_VALUE ? json.substring(0, LONGEST_VALUE - 3) + "..." : json;
  }

  /**
   * Values of writeOnly keys are secrets; so is anything at a secret-reference key that is not a
   * reference, since it is most likely a secret written in by mistake.
   */
  private static boolean mayBeSecret(Object value, JsonObject node) {
    if (node.getBoolean("writeOnly", false)) {
      return true;
    }
    String reference = node.getString("pattern");
    return node.getBoolean("x-secret", false)
        && !(value instanceof String text && reference != null && Pattern.compile(reference).matcher(text).find());
  }

  /** What kind of JSON value this is, with its article: "a string", "an integer". */
  static String kind(Object value) {
    if (value == null) {
      return "null";
    }
    if (value instanceof String) {
      return "a string";
    }
    if (value instanceof Integer || value instanceof Long) {
      return "an integer";
    }
    if (value instanceof Number) {
      return "a number";
    }
    if (value instanceof Boolean) {
      return "a boolean";
    }
    return value instanceof JsonArray ? "a list" : "a mapping";
  }

  /** What a schema node accepts, in words: "an integer from 0 to 65535", "one of x, tiktok". */
  static String expected(ConfigSchema schema, JsonObject node) {
    String custom = node.getString("x-expected");
    if (custom != null) {
      return custom;
    }
    if (node.containsKey("enum")) {
      return "one of " + list(node.getJsonArray("enum"));
    }
    List<String> types = new ArrayList<>(ConfigSchema.types(node));
    boolean nullable = types.remove("null");
    String phrase = types.stream().map(type -> ofType(schema, node, type)).collect(Collectors.joining(" or "));
    if (phrase.isEmpty()) {
      return nullable ? "null" : "any value";
    }
    return nullable ? phrase + " or null" : phrase;
  }

  /** The items of a list, comma separated and unquoted. */
  static String list(Iterable<?> items) {
    List<String> words = new ArrayList<>();
    items.forEach(item -> words.add(String.valueOf(item)));
    return String.join(", ", words);
  }

  private static String ofType(ConfigSchema schema, JsonObject node, String type) {
    return switch (type) {
      case "integer" -> range("an integer", node);
      case "number" -> range("a number", node);
      case "boolean" -> "true or false";
      case "string" -> switch (node.getInteger("minLength", 0)) {
        case 0 -> "a string";
        case 1 -> "a non-empty string";
        default -> "a string of at least " + node.getInteger("minLength") + " characters";
      };
      case "array" -> ofArray(schema, node);
      case "object" -> node.containsKey("properties")
          ? "a mapping with keys " + list(node.getJsonObject("properties").fieldNames())
          : "a mapping";
      default -> type;
    };
  }

  private static String ofArray(ConfigSchema schema, JsonObject node) {
    String list = node.getInteger("minItems", 0) > 0 ? "a non-empty list" : "a list";
    JsonObject items = schema.items(node);
    return items == null ? list : list + ", each item " + expected(schema, items);
  }

  private static String range(String noun, JsonObject node) {
    Number min = node.getNumber("minimum");
    Number max = node.getNumber("maximum");
    if (min != null && max != null) {
      return noun + " from " + min + " to " + max;
    }
    if (min != null) {
      return noun + " of at least " + min;
    }
    return max != null ? noun + " of at most " + max : noun;
  }
}
