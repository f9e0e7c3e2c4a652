package io.chorus.web.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.chorus.web.WebTestSupport;
import io.chorus.web.WebVerticle;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Route;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import io.vertx.openapi.contract.Operation;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@DisplayName("The routes the web verticle serves and the operations its OpenAPI document describes")
class ApiMatchesDocumentTest {
  /**
   * Operations documented ahead of their routes, which are being built on another branch; once
   * those routes are merged this set empties and every documented operation must be served.
   */
  private Map<String, String> documented;
  private Set<String> served;

  @BeforeEach
  void deployAndRead(Vertx vertx, VertxTestContext ctx) {
    JsonObject config = WebTestSupport.config();
    // Inbound webhooks are mounted only for platforms with a secret: configure them all.
    config.put("webhooks", new JsonObject().put("inbound", new JsonObject()
        .put("meta", new JsonObject().put("verifyToken", "v").put("appSecret", "meta-secret"))
        .put("x", new JsonObject().put("consumerSecret", "x-secret"))
        .put("linkedin", new JsonObject().put("clientSecret", "li-secret"))
        .put("tiktok", new JsonObject().put("clientSecret", "tt-secret"))));
    ApiContract.load(vertx)
        .compose(api -> WebTestSupport.deploy(vertx, config).map(web -> {
          documented = operations(api);
          served = routes(web);
          return web;
        }))
        .onComplete(ctx.succeedingThenComplete());
  }

  @Test
  @DisplayName("every method of every route under /api/v1, /webhooks, /media and /health is documented")
  void everyRouteIsDocumented() {
    assertThat(served).as("routes served").contains("GET /api/v1/posts", "POST /api/v1/posts/{id}/approve",
        "GET /api/v1/stream", "HEAD /media/{id}", "POST /webhooks/tiktok");
    assertThat(documented.keySet()).containsAll(served);
  }

  @Test
  @DisplayName("every documented operation is served")
  void everyOperationIsServed() {
    assertThat(served).containsAll(documented.keySet());
  }

  /** "METHOD /path/{param}" of each documented operation, with its operationId. */
  private static Map<String, String> operations(ApiContract api) {
    Map<String, String> operations = new TreeMap<>();
    for (Operation operation : api.contract().operations()) {
      operations.put(operation.getHttpMethod().name() + " " + operation.getOpenAPIPath(), operation.getOperationId());
    }
    return operations;
  }

  /** "METHOD /path/{param}" of each route that serves a method on a documented prefix. */
  private static Set<String> routes(WebVerticle web) {
    Set<String> routes = new TreeSet<>();
    for (Route route : web.routes()) {
      String path = route.getPath();
      Set<HttpMethod> methods = route.methods();
      if (path == null || path.endsWith("*") || methods == null || methods.isEmpty()
          || !(path.startsWith("/api/v1/") || path.startsWith("/webhooks/") || path.startsWith("/media/")
              || path.startsWith("/health/"))) {
        continue;
      }
      String template = path.replaceAll(":([A-Za-z0-9_]+)", "{$1}");
      methods.forEach(method -> routes.add(method.name() + " " + template));
    }
    return routes;
  }
}
