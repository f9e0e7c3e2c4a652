package io.chorus.web.openapi;

import io.chorus.web.problem.FieldError;
import io.chorus.web.problem.Problem;
import io.chorus.web.problem.ProblemTypes;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.core.json.pointer.JsonPointer;
import io.vertx.json.schema.OutputUnit;
import io.vertx.openapi.contract.Operation;
import io.vertx.openapi.contract.Parameter;
import io.vertx.openapi.validation.SchemaValidationException;
import io.vertx.openapi.validation.ValidatorErrorType;
import io.vertx.openapi.validation.ValidatorException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a validator's refusal into the problem a client reads: one {@link FieldError} per field
 * at fault, named as the handlers name them (a parameter's name, a body property's path in dot
 * notation, or {@code body}), with a message built from the constraint in the document.
 */
final class ValidationErrors {
  /** Keywords that only report that something beneath them failed. */
  private static final Set<String> WRAPPERS = Set.of("properties", "patternProperties", "items", "prefixItems",
      "additionalItems", "unevaluatedItems", "contains", "$ref", "$dynamicRef", "$recursiveRef", "allOf", "anyOf",
      "oneOf", "not", "if", "then", "else", "dependentSchemas");
  /** Keywords that flag a property the schema does not list (and, as reported, any property that failed). */
  private static final Set<String> UNKNOWN_PROPERTY = Set.of("additionalProperties", "unevaluatedProperties");
  private static final Pattern REQUIRED = Pattern.compile("required property \"(.*)\"");
  private static final Pattern ARRAY_INDEX = Pattern.compile("/\\d+(/|$)");
  private static final String BODY = "body";

  private final JsonObject document;

  /** @param document the whole OpenAPI document, to read constraints behind {@code $ref}s */
  ValidationErrors(JsonObject document) {
    this.document = document;
  }

  Problem problem(ValidatorException invalid, Operation operation) {
    Parameter parameter = parameterIn(invalid.getMessage(), operation);
    if (parameter == null && invalid.type() == ValidatorErrorType.UNSUPPORTED_VALUE_FORMAT) {
      return new Problem(ProblemTypes.BLANK, "Unsupported Media Type", 415,
          "The request body must be application/json.",
          List.of(new FieldError("Content-Type", "must be application/json")), 0);
    }
    String field = parameter == null ? BODY : parameter.getName();
    List<FieldError> errors = invalid instanceof SchemaValidationException schemaInvalid
        ? fromSchema(schemaInvalid.getOutputUnit(), field, parameter == null ? bodySchema(operation)
            : parameter.getOpenAPIModel().getJsonObject("schema"))
        : List.of();
    return Problem.invalidRequest(errors.isEmpty() ? List.of(new FieldError(field, plain(invalid, parameter)))
        : errors);
  }

  /** The parameter a refusal is about; the validator names it as {@code "<location> parameter <name>"}. */
  private static Parameter parameterIn(String message, Operation operation) {
    if (message == null) {
      return null;
    }
    for (Parameter parameter : operation.getParameters()) {
      String named = parameter.getIn().name().toLowerCase(Locale.ROOT) + " parameter " + parameter.getName();
      if (message.contains(named + " ") || message.endsWith(named)) {
        return parameter;
      }
    }
    return null;
  }

  /** The schema of the operation's body; every body of this API is JSON, so the first media type is it. */
  private static JsonObject bodySchema(Operation operation) {
    return operation.getRequestBody() == null ? new JsonObject()
        : operation.getRequestBody().getContent().values().stream().findFirst()
            .map(type -> type.getOpenAPIModel().getJsonObject("schema", new JsonObject()))
            .orElseGet(JsonObject::new);
  }

  private static String plain(ValidatorException invalid, Parameter parameter) {
    return switch (invalid.type()) {
      case MISSING_REQUIRED_PARAMETER -> "is required";
      case ILLEGAL_VALUE -> parameter == null ? "must be a JSON document" : "cannot be decoded";
      case INVALID_VALUE_FORMAT -> "is not written as this parameter's style requires";
      default -> invalid.getMessage();
    };
  }

  private List<FieldError> fromSchema(OutputUnit result, String root, JsonObject schema) {
    Map<String, FieldError> byField = new LinkedHashMap<>();
    for (Located leaf : leaves(result)) {
      String field = fieldName(root, leaf.pointer());
      // One message per field, the first the validator found: the most basic constraint.
      byField.putIfAbsent(field, new FieldError(field, message(leaf, schema)));
    }
    return List.copyOf(byField.values());
  }

  /**
   * The errors of a schema validation that say what is wrong, each with the JSON pointer of the
   * value at fault: without the ones that only report a failure beneath them, and without the
   * "unknown property" reports of properties that are known but failed.
   */
  static List<Located> leaves(OutputUnit result) {
    List<OutputUnit> reported = result.getErrors() == null ? List.of(result) : result.getErrors();
    List<Located> leaves = new ArrayList<>();
    for (OutputUnit unit : reported) {
      String keyword = lastSegment(unit.getKeywordLocation());
      if (keyword == null || WRAPPERS.contains(keyword)) {
        continue;
      }
      String pointer = pointer(unit.getInstanceLocation());
      if ("required".equals(keyword)) {
        Matcher named = REQUIRED.matcher(String.valueOf(unit.getError()));
        pointer = named.find() ? pointer + "/" + escape(named.group(1)) : pointer;
      }
      leaves.add(new Located(pointer, keyword, unit));
    }
    return leaves.stream().filter(leaf -> !UNKNOWN_PROPERTY.contains(leaf.keyword())
        || leaves.stream().noneMatch(other -> !UNKNOWN_PROPERTY.contains(other.keyword())
            && (within(other.pointer(), leaf.pointer()) || failedBeside(leaf, other)))).toList();
  }

  /**
   * Whether {@code other} failed in the object that {@code unevaluated} reports a property of: when
   * one branch of an allOf fails, every property it declared counts as unevaluated, so such a
   * report beside a real failure says nothing about the property.
   */
  private static boolean failedBeside(Located unevaluated, Located other) {
    return "unevaluatedProperties".equals(unevaluated.keyword())
        && parent(other.pointer()).equals(parent(unevaluated.pointer()));
  }

  private static String parent(String pointer) {
    int slash = pointer.lastIndexOf('/');
    return slash <= 0 ? "" : pointer.substring(0, slash);
  }

  private String message(Located leaf, JsonObject schema) {
    Object value = keywordValue(schema, leaf.unit().getKeywordLocation());
    String message = switch (leaf.keyword()) {
      case "type" -> "must be " + types(value);
      case "enum" -> value instanceof JsonArray allowed ? "must be one of: " + join(allowed) : "is not an allowed value";
      case "const" -> "must be " + value;
      case "required" -> "is required";
      case "minLength" -> Integer.valueOf(1).equals(value) ? "must not be empty"
          : "must be at least " + value + " characters long";
      case "maxLength" -> "must be at most " + value + " characters long";
      case "pattern" -> "\\S".equals(value) ? "must not be blank" : "must match " + value;
      case "format" -> format(String.valueOf(value));
      case "minimum" -> "must be at least " + value;
      case "maximum" -> "must be at most " + value;
      case "exclusiveMinimum" -> "must be greater than " + value;
      case "exclusiveMaximum" -> "must be less than " + value;
      case "multipleOf" -> "must be a multiple of " + value;
      case "minItems" -> "must have at least " + value + (Integer.valueOf(1).equals(value) ? " item" : " items");
      case "maxItems" -> "must have at most " + value + " items";
      case "uniqueItems" -> "must not repeat an item";
      case "minProperties" -> "must set at least " + value + (Integer.valueOf(1).equals(value) ? " field" : " fields");
      case "maxProperties" -> "must set at most " + value + " fields";
      case "additionalProperties", "unevaluatedProperties" -> "is not a field of this request";
      default -> String.valueOf(leaf.unit().getError());
    };
    // Items of an array share the array's field name; the pointer says which one is at fault.
    return ARRAY_INDEX.matcher(leaf.pointer()).find() ? "at " + leaf.pointer() + ": " + message : message;
  }

  /** The value of the keyword at {@code keywordLocation} in {@code schema}, following {@code $ref}s. */
  private Object keywordValue(JsonObject schema, String keywordLocation) {
    Object node = schema;
    for (String segment : pointer(keywordLocation).split("/")) {
      if (segment.isEmpty()) {
        continue;
      }
      String key = unescape(segment);
      if (node instanceof JsonObject object && "$ref".equals(key)) {
        // A resolved contract may have inlined the reference already; then there is nothing to follow.
        node = object.getValue("$ref") instanceof String ref && ref.startsWith("#")
            ? JsonPointer.from(ref.substring(1)).queryJson(document) : object;
      } else if (node instanceof JsonObject object) {
        node = object.getValue(key);
      } else if (node instanceof JsonArray array && key.chars().allMatch(Character::isDigit)) {
        int index = Integer.parseInt(key);
        node = index < array.size() ? array.getValue(index) : null;
      } else {
        return null;
      }
    }
    return node;
  }

  private static String types(Object type) {
    List<String> names = new ArrayList<>();
    for (Object one : type instanceof JsonArray many ? many : new JsonArray().add(String.valueOf(type))) {
      names.add(switch (String.valueOf(one)) {
        case "integer" -> "an integer";
        case "number" -> "a number";
        case "boolean" -> "true or false";
        case "object" -> "a JSON object";
        case "array" -> "an array";
        case "null" -> "null";
        default -> "a " + one;
      });
    }
    return String.join(" or ", names);
  }

  private static String format(String format) {
    return switch (format) {
      case "date-time" -> "must be a date and time with its offset, such as 2030-01-31T09:00:00Z";
      case "date" -> "must be a date such as 2030-01-31";
      case "uuid" -> "must be a UUID";
      case "uri" -> "must be an absolute URI";
      default -> "must be a valid " + format;
    };
  }

  private static String fieldName(String root, String pointer) {
    List<String> names = new ArrayList<>();
    for (String segment : pointer.split("/")) {
      if (!segment.isEmpty() && !segment.chars().allMatch(Character::isDigit)) {
        names.add(unescape(segment));
      }
    }
    return names.isEmpty() ? root : String.join(".", names);
  }

  private static boolean within(String pointer, String ancestor) {
    return pointer.equals(ancestor) || pointer.startsWith(ancestor + "/");
  }

  /** A location as the validator writes it ({@code #/a/b}) as a JSON pointer ({@code /a/b}). */
  private static String pointer(String location) {
    if (location == null) {
      return "";
    }
    return location.startsWith("#") ? location.substring(1) : location;
  }

  private static String lastSegment(String location) {
    if (location == null || location.isEmpty()) {
      return null;
    }
    return unescape(location.substring(location.lastIndexOf('/') + 1));
  }

  private static String join(JsonArray values) {
    List<String> texts = new ArrayList<>();
    values.forEach(value -> texts.add(String.valueOf(value)));
    return String.join(", ", texts);
  }

  private static String escape(String name) {
    return name.replace("~", "~0").replace("/", "~1");
  }

  private static String unescape(String segment) {
    return segment.replace("~1", "/").replace("~0", "~");
  }

  /** One error of a schema validation, with the JSON pointer of the value at fault. */
  record Located(String pointer, String keyword, OutputUnit unit) {}
}
