package io.chorus.web.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@DisplayName("The OpenAPI document of the REST API")
class OpenApiDocumentTest {
  private static String yaml;
  private static OpenAPI parsed;
  private static List<String> messages;

  @BeforeAll
  static void parse() throws IOException {
    try (InputStream in = OpenApiDocumentTest.class.getClassLoader().getResourceAsStream(ApiContract.RESOURCE)) {
      assertThat(in).as(ApiContract.RESOURCE + " on the classpath").isNotNull();
      yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    options.setValidateInternalRefs(true);
    SwaggerParseResult result = new OpenAPIV3Parser().readContents(yaml, null, options);
    parsed = result.getOpenAPI();
    messages = result.getMessages() == null ? List.of() : result.getMessages();
  }

  @Test
  @DisplayName("is OpenAPI 3.1.0 that swagger-parser reads without a single message")
  void swaggerParserFindsNothingWrong() {
    assertThat(messages).isEmpty();
    assertThat(parsed).isNotNull();
    assertThat(parsed.getOpenapi()).isEqualTo("3.1.0");
    assertThat(parsed.getComponents().getSecuritySchemes()).containsKeys("bearerAuth", "sessionCookie");
    assertThat(parsed.getComponents().getSecuritySchemes().get("bearerAuth").getScheme()).isEqualTo("bearer");
  }

  @Test
  @DisplayName("is a contract Vert.x accepts, checked against the OpenAPI 3.1 schema")
  void vertxLoadsIt(Vertx vertx, VertxTestContext ctx) {
    ApiContract.load(vertx).onComplete(ctx.succeeding(api -> ctx.verify(() -> {
      assertThat(api.contract().getVersion().name()).isEqualTo("V3_1");
      assertThat(api.contract().operations()).hasSizeGreaterThan(40);
      assertThat(api.yaml().toString()).isEqualTo(yaml);
      ctx.completeNow();
    })));
  }

  @Test
  @DisplayName("names every operation with an operationId of its own")
  void everyOperationHasAnId() {
    List<String> ids = new ArrayList<>();
    operations().forEach((where, operation) -> {
      assertThat(operation.getOperationId()).as("operationId of " + where).isNotBlank();
      ids.add(operation.getOperationId());
    });
    assertThat(ids).doesNotHaveDuplicates();
  }

  @Test
  @DisplayName("documents the problems every API operation can answer with, and the request errors of those with a body")
  void apiOperationsDocumentTheirProblems() {
    operations().forEach((where, operation) -> {
      if (!where.contains(" /api/v1/")) {
        return;
      }
      assertThat(operation.getResponses()).as(where).containsKeys("401", "429");
      if (operation.getRequestBody() != null || operation.getParameters() != null) {
        assertThat(operation.getResponses()).as(where).containsKey("400");
      }
      if (operation.getRequestBody() != null) {
        assertThat(operation.getResponses()).as(where).containsKeys("413", "415");
      }
      String problem = operation.getResponses().get("401").get$ref();
      assertThat(problem).as(where).isEqualTo("#/components/responses/Unauthorized");
    });
    Set<String> problemFields = fields("Problem");
    assertThat(problemFields).contains("type", "title", "status", "detail", "errors");
    assertThat(parsed.getComponents().getResponses().get("TooManyRequests").getHeaders()).containsKey("Retry-After");
  }

  @Test
  @DisplayName("keeps account credentials write-only")
  void credentialsAreWriteOnly() {
    var credentials = parsed.getComponents().getSchemas().get("AccountCredentials");
    assertThat(credentials.getWriteOnly()).isTrue();
    Set<String> accountFields = fields("Account");
    assertThat(accountFields).doesNotContain("credentials");
  }

  @Test
  @DisplayName("that is broken stops loading with a message naming what is wrong")
  void brokenDocumentIsRefused(Vertx vertx, VertxTestContext ctx) {
    ApiContract.load(vertx, "openapi/broken.yaml").onComplete(ctx.failing(failure -> ctx.verify(() -> {
      assertThat(failure.getMessage()).contains("openapi/broken.yaml").contains("cannot be used");
      assertThat(failure.getMessage()).contains("at /paths/~1api~1v1~1things/get/parameters/0/in");
      ctx.completeNow();
    })));
  }

  private static Set<String> fields(String schema) {
    Schema<?> found = parsed.getComponents().getSchemas().get(schema);
    return found.getProperties().keySet();
  }

  private static Map<String, Operation> operations() {
    Map<String, Operation> all = new java.util.LinkedHashMap<>();
    parsed.getPaths().forEach((path, item) -> item.readOperationsMap()
        .forEach((method, operation) -> all.put(method + " " + path, operation)));
    return all;
  }
}
