package io.chorus.web.openapi;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.StaticHandler;
import java.io.IOException;
import java.io.StringReader;
import java.util.Properties;

/**
 * The REST API described by its OpenAPI document: the document at {@value #DOCUMENT_PATH},
 * Swagger UI at {@value #DOCS_PATH}, and the handler that validates requests against it. Load it
 * once at start-up; a document that is not valid OpenAPI fails the load.
 */
public final class OpenApi {
  /** Where the document is served. */
  public static final String DOCUMENT_PATH = "/openapi.yaml";
  /** Where Swagger UI is served. */
  public static final String DOCS_PATH = "/docs";
  /** The media type the document is served as. */
  public static final String YAML = "application/yaml";

  static final String SWAGGER_UI_PROPERTIES = "META-INF/maven/org.webjars/swagger-ui/pom.properties";
  private static final String SWAGGER_UI_ROOT = "META-INF/resources/webjars/swagger-ui/";
  private static final String DOCS_ROOT = "webroot/docs";

  private final Vertx vertx;
  private final ApiContract contract;
  private final String swaggerUiVersion;

  private OpenApi(Vertx vertx, ApiContract contract, String swaggerUiVersion) {
    this.vertx = vertx;
    this.contract = contract;
    this.swaggerUiVersion = swaggerUiVersion;
  }

  /** Reads and checks the document, and finds the Swagger UI web jar on the classpath. */
  public static Future<OpenApi> load(Vertx vertx) {
    Future<ApiContract> contract = ApiContract.load(vertx);
    Future<String> swaggerUi = vertx.fileSystem().readFile(SWAGGER_UI_PROPERTIES).map(OpenApi::version)
        .recover(missing -> Future.failedFuture(new IllegalStateException(
            "Swagger UI (org.webjars:swagger-ui) is not on the classpath: " + missing.getMessage(), missing)));
    return Future.all(contract, swaggerUi).map(both -> new OpenApi(vertx, contract.result(), swaggerUi.result()));
  }

  /** The document and what was compiled from it. */
  public ApiContract contract() {
    return contract;
  }

  /** Mounts the document and Swagger UI; both are open to anyone, since the document holds no secret. */
  public void mountDocs(Router router) {
    Buffer yaml = contract.yaml();
    router.get(DOCUMENT_PATH).handler(rc -> rc.response()
        .putHeader(HttpHeaders.CONTENT_TYPE, YAML + "; charset=utf-8")
        .putHeader(HttpHeaders.CACHE_CONTROL, "no-cache")
        .end(yaml));
    // The page is the index of /docs/; a route for /docs also matches /docs/.
    router.get(DOCS_PATH).handler(rc -> {
      if (rc.request().path().equals(DOCS_PATH)) {
        rc.redirect(DOCS_PATH + "/");
      } else {
        rc.next();
      }
    });
    router.get(DOCS_PATH + "/swagger-ui/*").handler(StaticHandler.create(SWAGGER_UI_ROOT + swaggerUiVersion));
    router.get(DOCS_PATH + "/*").handler(StaticHandler.create(DOCS_ROOT).setIndexPage("index.html"));
  }

  /** The handler that checks {@code /api/v1} requests against the document; mount it after the body handler. */
  public Handler<RoutingContext> validator() {
    return RequestValidation.create(vertx, contract);
  }

  private static String version(Buffer properties) {
    Properties read = new Properties();
    try {
      read.load(new StringReader(properties.toString()));
    } catch (IOException unreadable) {
      throw new IllegalStateException("cannot read " + SWAGGER_UI_PROPERTIES, unreadable);
    }
    String version = read.getProperty("version");
    if (version == null || version.isBlank()) {
      throw new IllegalStateException(SWAGGER_UI_PROPERTIES + " names no version");
    }
    return version.trim();
  }
}
