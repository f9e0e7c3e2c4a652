package io.chorus.config;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.json.schema.Draft;
import io.vertx.json.schema.JsonSchema;
import io.vertx.json.schema.JsonSchemaOptions;
import io.vertx.json.schema.OutputFormat;
import io.vertx.json.schema.Validator;
import java.nio.file.Path;
import java.util.List;

/** conf/schema.json: validates a configuration and answers questions about its keys. */
final class ConfigSchema {
  static final String FILE_NAME = "schema.json";
  private static final String BASE_URI = "https://chorus.example/schema/";

  private final JsonObject root;
  private final Validator validator;

  ConfigSchema(JsonObject root) {
    this.root = root;
    this.validator = Validator.create(
        JsonSchema.of(root),
        new JsonSchemaOptions()
            .setDraft(Draft.DRAFT202012)
            .setBaseUri(BASE_URI)
            .setOutputFormat(OutputFormat.Basic));
  }

  /** Reads the schema of a conf directory; fails with a {@link ConfigException} when it is missing or not JSON. */
  static Future<ConfigSchema> read(Vertx vertx, Path confDir) {
    Path file = confDir.resolve(FILE_NAME);
    return vertx.fileSystem().readFile(file.toString())
        .recover(failure -> Future.failedFuture(new ConfigException(List.of(
            file + ": " + FileProblems.describe(failure) + "; expected the configuration JSON Schema"))))
        .compose(buffer -> {
          try {
            return Future.succeededFuture(new ConfigSchema(buffer.toJsonObject()));
          } catch (DecodeException notJson) {
            return Future.failedFuture(new ConfigException(List.of(
                file + ": not valid JSON (" + notJson.getMessage() + "); expected the configuration JSON Schema")));
          }
        });
  }

  JsonObject root() {
    return root;
  }

  /** The problems of a configuration, one human line each; empty when it is valid. */
  List<String> validate(JsonObject config) {
    return new SchemaProblems(this, config).of(validator.validate(config));
  }

  /** The schema node a JSON pointer (as found in an absolute keyword location's fragment) names. */
  JsonObject at(String pointer) {
    Object node = root;
    for (String token : JsonPointers.tokens(pointer)) {
      if (node instanceof JsonObject object) {
        node = object.getValue(token);
      } else if (node instanceof JsonArray array) {
        node = array.getValue(Integer.parseInt(token));
      } else {
        return new JsonObject();
      }
    }
    return node instanceof JsonObject object ? resolve(object) : new JsonObject();
  }

  /** The node itself, or the node its local {@code $ref} points to. */
  JsonObject resolve(JsonObject node) {
    String ref = node.getString("$ref");
    return ref != null && ref.startsWith("#") ? at(ref.substring(1)) : node;
  }

  /** The declared sub-schema of one property of an object node, or null when the property is not declared. */
  JsonObject property(JsonObject node, String name) {
    JsonObject properties = node.getJsonObject("properties");
    Object declared = properties == null ? null : properties.getValue(name);
    return declared instanceof JsonObject object ? resolve(object) : null;
  }

  /** The schema of the items of an array node, or null. */
  JsonObject items(JsonObject node) {
    Object items = node.getValue("items");
    return items instanceof JsonObject object ? resolve(object) : null;
  }

  /** The JSON types a node allows, e.g. [string, null]; empty when it does not say. */
  static List<String> types(JsonObject node) {
    Object type = node.getValue("type");
    if (type instanceof String single) {
      return List.of(single);
    }
    if (type instanceof JsonArray several) {
      return several.stream().map(String::valueOf).toList();
    }
    return List.of();
  }
}
