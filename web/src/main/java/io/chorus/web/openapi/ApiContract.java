package io.chorus.web.openapi;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.json.schema.JsonSchemaValidationException;
import io.vertx.json.schema.OutputUnit;
import io.vertx.openapi.contract.MediaType;
import io.vertx.openapi.contract.OpenAPIContract;
import io.vertx.openapi.contract.OpenAPIContractException;
import io.vertx.openapi.contract.OpenAPIVersion;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The REST API's OpenAPI document ({@value #RESOURCE} on the classpath), read once at start-up:
 * the YAML as served to people, and the contract requests are validated against. Loading fails
 * when the document is not valid OpenAPI 3.1, with the reason.
 */
public final class ApiContract {
  /** Where the document lives on the classpath. */
  public static final String RESOURCE = "openapi/chorus.yaml";

  private final Buffer yaml;
  private final JsonObject document;
  private final OpenAPIContract contract;

  private ApiContract(Buffer yaml, JsonObject document, OpenAPIContract contract) {
    this.yaml = yaml;
    this.document = document;
    this.contract = contract;
  }

  /** Reads, checks and compiles the document. */
  public static Future<ApiContract> load(Vertx vertx) {
    return load(vertx, RESOURCE);
  }

  /** Reads, checks and compiles the document at {@code resource}, a file or classpath resource. */
  static Future<ApiContract> load(Vertx vertx, String resource) {
    return vertx.fileSystem().readFile(resource)
        .compose(yaml -> vertx.executeBlocking(() -> parse(yaml))
            .compose(document -> checkWhole(vertx, document)
                .compose(valid -> OpenAPIContract.from(vertx, forRequestValidation(document)))
                .map(contract -> new ApiContract(yaml, document, contract))))
        .recover(failure -> Future.failedFuture(new IllegalStateException(
            "The OpenAPI document " + resource + " cannot be used: " + reasons(failure), failure)));
  }

  /** The document as written, for {@code GET /openapi.yaml}. */
  public Buffer yaml() {
    return yaml;
  }

  /** The whole document as JSON, with every response. */
  public JsonObject document() {
    return document.copy();
  }

  /** The compiled contract; it knows requests only, since Vert.x cannot model every response media type. */
  public OpenAPIContract contract() {
    return contract;
  }

  private static JsonObject parse(Buffer yaml) {
    Object root = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml.toString(StandardCharsets.UTF_8));
    if (!(root instanceof Map<?, ?> map)) {
      throw new IllegalArgumentException("the document is not a YAML mapping");
    }
    return new JsonObject(jsonMap(map));
  }

  /**
   * A copy without the response media types Vert.x's contract refuses (problem+json, event
   * streams, images). Responses play no part in validating requests; the whole document is still
   * checked against the OpenAPI schema by {@link #checkWhole}.
   */
  private static JsonObject forRequestValidation(JsonObject document) {
    JsonObject copy = document.copy();
    JsonObject components = copy.getJsonObject("components", new JsonObject());
    components.getJsonObject("responses", new JsonObject()).forEach(entry -> dropUnsupported(entry.getValue()));
    copy.getJsonObject("paths", new JsonObject()).forEach(path -> ((JsonObject) path.getValue()).forEach(operation -> {
      if (operation.getValue() instanceof JsonObject model && model.containsKey("responses")) {
        model.getJsonObject("responses").forEach(response -> dropUnsupported(response.getValue()));
      }
    }));
    return copy;
  }

  private static void dropUnsupported(Object response) {
    if (response instanceof JsonObject model && model.getValue("content") instanceof JsonObject content) {
      content.fieldNames().removeIf(type -> !MediaType.isMediaTypeSupported(type));
      if (content.isEmpty()) {
        model.remove("content");
      }
    }
  }

  /** Checks the whole document against the OpenAPI schema of its version, so the answer can say where it is wrong. */
  private static Future<Void> checkWhole(Vertx vertx, JsonObject document) {
    OpenAPIVersion version = OpenAPIVersion.fromContract(document);
    return version.getRepository(vertx, "app://")
        .compose(schemas -> version.validateContract(vertx, schemas, document))
        .compose(result -> {
          try {
            result.checkValidity();
            return Future.<Void>succeededFuture();
          } catch (JsonSchemaValidationException invalid) {
            return Future.failedFuture(new IllegalArgumentException(describe(result), invalid));
          }
        });
  }

  private static String describe(OutputUnit result) {
    List<String> problems = new ArrayList<>();
    for (ValidationErrors.Located error : ValidationErrors.leaves(result)) {
      problems.add("at " + (error.pointer().isEmpty() ? "/" : error.pointer()) + ": " + error.unit().getError());
    }
    return "it is not valid OpenAPI " + String.join("; ", problems);
  }

  private static String reasons(Throwable failure) {
    String reason = String.valueOf(failure.getMessage());
    Throwable cause = failure.getCause();
    // Vert.x wraps the reason of an unsupported or inconsistent contract one level down.
    return failure instanceof OpenAPIContractException && cause != null && cause.getMessage() != null
        ? reason + " (" + cause.getMessage() + ")" : reason;
  }

  private static Map<String, Object> jsonMap(Map<?, ?> yaml) {
    Map<String, Object> json = new LinkedHashMap<>();
    yaml.forEach((key, value) -> json.put(String.valueOf(key), jsonValue(value)));
    return json;
  }

  private static Object jsonValue(Object value) {
    if (value instanceof Map<?, ?> map) {
      return new JsonObject(jsonMap(map));
    }
    if (value instanceof List<?> list) {
      return new JsonArray(list.stream().map(ApiContract::jsonValue).toList());
    }
    if (value instanceof Date date) {
      // YAML reads unquoted timestamps as dates; JSON has strings.
      return date.toInstant().atOffset(ZoneOffset.UTC).toString();
    }
    return value;
  }
}
