package io.chorus.config;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.json.schema.OutputUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Turns the validator's output units into one line per problem, worded from the schema itself:
 * the dotted key, the value found and what the key's schema node expects.
 */
final class SchemaProblems {
  /** Keywords whose failures only repeat the failures of the sub-schemas beneath them. */
  private static final Set<String> AGGREGATES = Set.of("properties", "items", "prefixItems", "$ref", "allOf");

  private final ConfigSchema schema;
  private final JsonObject config;

  SchemaProblems(ConfigSchema schema, JsonObject config) {
    this.schema = schema;
    this.config = config;
  }

  List<String> of(OutputUnit result) {
    if (Boolean.TRUE.equals(result.getValid())) {
      return List.of();
    }
    Set<String> problems = new LinkedHashSet<>();
    List<OutputUnit> units = result.getErrors() == null || result.getErrors().isEmpty()
        ? List.of(result)
        : result.getErrors();
    units.forEach(unit -> problems.addAll(problems(unit)));
    return List.copyOf(problems);
  }

  private List<String> problems(OutputUnit unit) {
    String location = unit.getAbsoluteKeywordLocation() != null
        ? unit.getAbsoluteKeywordLocation()
        : unit.getKeywordLocation();
    if (location == null) {
      return List.of("configuration: " + unit.getError());
    }
    String fragment = location.substring(location.indexOf('#') + 1);
    int lastSlash = fragment.lastIndexOf('/');
    String keyword = fragment.substring(lastSlash + 1);
    if (AGGREGATES.contains(keyword)) {
      return List.of();
    }
    JsonObject node = schema.at(fragment.substring(0, Math.max(lastSlash, 0)));
    String pointer = unit.getInstanceLocation() == null ? "" : unit.getInstanceLocation();
    String key = JsonPointers.keyPath(config, pointer);
    Object value = JsonPointers.valueAt(config, pointer);
    return switch (keyword) {
      case "required" -> missing(node, key, value);
      case "additionalProperties" -> unknown(node, key, pointer);
      default -> List.of(named(key) + ": " + about(keyword, node, value, unit.getError()));
    };
  }

  private List<String> missing(JsonObject node, String key, Object value) {
    List<String> problems = new ArrayList<>();
    for (Object required : node.getJsonArray("required", new JsonArray())) {
      String name = String.valueOf(required);
      if (value instanceof JsonObject object && !object.containsKey(name)) {
        JsonObject property = schema.property(node, name);
        String expected = property == null ? "a value" : Phrases.expected(schema, property);
        problems.add(JsonPointers.child(key, name) + ": missing required key; expected " + expected);
      }
    }
    return problems;
  }

  private List<String> unknown(JsonObject node, String key, String pointer) {
    List<String> tokens = JsonPointers.tokens(pointer);
    String name = tokens.isEmpty() ? "" : tokens.get(tokens.size() - 1);
    // The validator also reports declared properties whose own values failed; those are not unknown.
    if (schema.property(node, name) != null) {
      return List.of();
    }
    JsonObject properties = node.getJsonObject("properties", new JsonObject());
    String noun = node.getString("x-unknown", "key");
    if (properties.isEmpty()) {
      return List.of(key + ": unknown " + noun + "; expected no keys here");
    }
    String problem = key + ": unknown " + noun + "; expected one of " + Phrases.list(properties.fieldNames());
    return List.of(Suggestions.closest(name, properties.fieldNames())
        .map(suggestion -> problem + " (did you mean " + suggestion + "?)")
        .orElse(problem));
  }

  private String about(String keyword, JsonObject node, Object value, String validatorMessage) {
    String shown = Phrases.value(value, node);
    String expected = "; expected " + Phrases.expected(schema, node);
    return switch (keyword) {
      case "type" -> (value == null ? "null is not allowed" : shown + " is " + Phrases.kind(value)) + expected;
      case "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum" -> shown + " is out of range" + expected;
      case "enum", "const" -> shown + (node.containsKey("x-unknown")
          ? " is an unknown " + node.getString("x-unknown")
          : " is not allowed") + expected;
      case "minLength" -> shown + " is too short" + expected;
      case "maxLength" -> shown + " is too long" + expected;
      case "pattern", "format" -> shown + " is malformed" + expected;
      case "minItems" -> shown + " has too few items" + expected;
      case "maxItems" -> shown + " has too many items" + expected;
      case "uniqueItems" -> shown + " repeats an item; expected each item at most once";
      default -> shown + " is invalid (" + validatorMessage + ")" + expected;
    };
  }

  private static String named(String key) {
    return key.isEmpty() ? "configuration" : key;
  }
}
