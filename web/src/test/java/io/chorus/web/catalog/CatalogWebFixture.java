package io.chorus.web.catalog;

import io.chorus.contracts.Addresses;
import io.chorus.contracts.Contracts;
import io.chorus.contracts.Platform;
import io.chorus.contracts.platform.OptimizeRequest;
import io.chorus.contracts.platform.OptimizedContent;
import io.chorus.pipeline.PipelineVerticle;
import io.chorus.pipeline.workflow.WorkflowVerticle;
import io.chorus.storage.Database;
import io.chorus.storage.DatabaseOptions;
import io.chorus.tenants.catalog.CatalogVerticle;
import io.chorus.testkit.TestDatabase;
import io.chorus.web.WebTestSupport;
import io.chorus.web.WebVerticle;
import io.chorus.web.auth.Access;
import io.chorus.web.auth.Permission;
import io.chorus.web.auth.Principal;
import io.chorus.web.auth.Role;
import io.chorus.web.posts.PostsApi;
import io.chorus.web.posts.PostsHandler;
import io.chorus.web.problem.Problems;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

/**
 * A real PostgreSQL schema with the pipeline and the catalog verticles behind the API. The
 * configuration declares brand {@code acme} (account {@code acme-x}, campaign {@code launch}), so
 * that tests can show config rows are read-only.
 */
public final class CatalogWebFixture {
  /** The header the scoped router reads its principal from: {@code role} or {@code role:brand}. */
  public static final String PRINCIPAL_HEADER = "X-Test-Principal";
  private static final long TIMEOUT_MS = 10_000;

  private final TestDatabase database;
  private final JsonObject config;
  private Pool pool;

  private CatalogWebFixture(TestDatabase database, JsonObject config) {
    this.database = database;
    this.config = config;
  }

  public static CatalogWebFixture create(Class<?> testClass) {
    TestDatabase database = TestDatabase.createSchema(testClass);
    JsonObject config = WebTestSupport.config()
        .put("database", database.databaseConfig().put("connectTimeoutMs", 10_000))
        .put("tokens", new JsonObject().put("encryptionKey", newKey()))
        .put("pipeline", new JsonObject().put("pollIntervalMs", 50).put("batchSize", 20).put("leaseSeconds", 30)
            .put("maxAttempts", 3).put("requestTimeoutMs", 5000)
            .put("backoff", new JsonObject().put("initialMs", 100).put("maxMs", 1000).put("jitter", 0.0)))
        .put("review", new JsonObject().put("profanity", new JsonArray())
            .put("nearDuplicate", new JsonObject().put("recentPosts", 20).put("threshold", 0.95)))
        .put("scheduling", scheduling())
        .put("media", new JsonObject().put("baseUrl", "http://127.0.0.1:9/media"))
        .put("brands", new JsonArray().add(new JsonObject().put("id", "acme").put("name", "Acme")
            .put("timeZone", "Europe/Paris").put("accounts", new JsonArray().add(new JsonObject().put("id", "acme-x")
                .put("platform", "x").put("handle", "@acme").put("externalId", "1001").put("accessToken", "t")))))
        .put("campaigns", new JsonArray().add(new JsonObject().put("id", "launch").put("brand", "acme")
            .put("name", "Launch").put("brief", "From the configuration").put("platforms", new JsonArray().add("x"))
            .put("calendar", new JsonObject().put("everySeconds", 3600).put("maxSlots", 1))));
    config.getJsonObject("http").put("maxBodyBytes", 65_536).put("requestTimeoutMs", TIMEOUT_MS);
    return new CatalogWebFixture(database, config);
  }

  public JsonObject config() {
    return config;
  }

  /** Migrates, writes the configured catalog and deploys the pipeline and the catalog verticles. */
  public Future<Void> startServices(Vertx vertx) {
    Contracts.registerCodecs(vertx);
    pool = Database.pool(vertx, DatabaseOptions.fromConfig(config));
    DeploymentOptions options = new DeploymentOptions().setConfig(config);
    return Database.migrate(vertx, DatabaseOptions.fromConfig(config))
        .compose(migrated -> vertx.deployVerticle(new PipelineVerticle(), options))
        .compose(deployed -> vertx.deployVerticle(new CatalogVerticle(), options))
        .mapEmpty();
  }

  /** The workflow, with stand-in X and LinkedIn agents that fit a text by appending {@code #fit}. */
  public Future<Void> startWorkflow(Vertx vertx) {
    for (Platform platform : new Platform[] {Platform.X, Platform.LINKEDIN}) {
      vertx.eventBus().<OptimizeRequest>consumer(platform.address(Addresses.OPTIMIZE), message -> {
        String text = message.body().text() + " #fit";
        message.reply(new OptimizedContent(text, text.length(), 280, false));
      });
    }
    return vertx.deployVerticle(new WorkflowVerticle(), new DeploymentOptions().setConfig(config)).mapEmpty();
  }

  /** The real web verticle, with an open API: every caller is an administrator of every brand. */
  public Future<WebClient> startWeb(Vertx vertx) {
    return WebTestSupport.deploy(vertx, config).map(web -> WebTestSupport.client(vertx, web));
  }

  /**
   * The API's routes behind a principal the test picks per request with {@link #PRINCIPAL_HEADER},
   * in the test's own router: the production authentication is not under test here.
   */
  public Future<WebClient> startScoped(Vertx vertx) {
    Router router = Router.router(vertx);
    router.route("/api/v1/*").handler(rc -> {
      String asked = rc.request().getHeader(PRINCIPAL_HEADER);
      if (asked != null) {
        String[] parts = asked.split(":", 2);
        Principal.authenticated(rc, new Principal("test-" + parts[0], Role.fromId(parts[0]),
            parts.length > 1 ? parts[1] : null));
      }
      rc.next();
    });
    router.route("/api/v1/*").handler(BodyHandler.create(false).setBodyLimit(65_536));
    router.get("/api/v1/posts").handler(Access.require(Permission.READ))
        .handler(PostsHandler.create(vertx.eventBus(), TIMEOUT_MS));
    CatalogApi.mount(router, vertx.eventBus(), TIMEOUT_MS);
    PostsApi.mount(router, vertx.eventBus(), TIMEOUT_MS);
    router.route().failureHandler(Problems::onFailure);
    return vertx.createHttpServer().requestHandler(router).listen(0, WebTestSupport.HOST)
        .map(server -> WebClient.create(vertx, new WebClientOptions().setDefaultHost(WebTestSupport.HOST)
            .setDefaultPort(server.actualPort())));
  }

  public Future<RowSet<Row>> sql(String sql, Tuple parameters) {
    return pool.preparedQuery(sql).execute(parameters);
  }

  /** Stops everything deployed on {@code vertx}, so nothing polls the schema, then drops it. */
  public void close(Vertx vertx) throws Exception {
    try {
      vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    } finally {
      database.close();
    }
  }

  private static JsonObject scheduling() {
    JsonArray flat = new JsonArray();
    IntStream.range(0, 24).forEach(hour -> flat.add(1.0));
    JsonObject prior = new JsonObject();
    for (Platform platform : Platform.values()) {
      prior.put(platform.id(), new JsonObject().put("weekdays", flat).put("weekends", flat));
    }
    return new JsonObject().put("jitterSeconds", 0).put("minSpacingSeconds", 0).put("minHistorySamples", 50)
        .put("engagementMetrics", new JsonArray().add("likes")).put("prior", prior);
  }

  private static String newKey() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return Base64.getEncoder().encodeToString(key);
  }
}
