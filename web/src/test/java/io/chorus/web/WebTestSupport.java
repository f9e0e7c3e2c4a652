package io.chorus.web;

import io.chorus.contracts.Contracts;
import io.chorus.storage.Database;
import io.chorus.storage.DatabaseOptions;
import io.chorus.tenants.tokens.ApiTokensVerticle;
import io.chorus.testkit.TestDatabase;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.util.UUID;
import java.util.function.BooleanSupplier;

/** Deploys the web verticle on an ephemeral port for tests, and waits for conditions without sleeping. */
public final class WebTestSupport {
  public static final String HOST = "127.0.0.1";
  public static final String REDIS_URI = "redis://127.0.0.1:6379";

  private static JsonObject tokenSchema;

  private WebTestSupport() {}

  /** A whole-config stand-in with the sections the web verticle reads; short timeouts keep tests quick. */
  public static JsonObject config(String bootstrapToken, long heartbeatMs, int maxQueuedBytes) {
    return new JsonObject()
        .put("http", new JsonObject()
            .put("host", HOST)
            .put("port", 0)
            .put("maxBodyBytes", 1024)
            .put("requestTimeoutMs", 1_000)
            .put("readinessTimeoutMs", 300))
        // With no token the API is open, as most tests of one handler want it.
        .put("auth", new JsonObject().put("bootstrapToken", bootstrapToken).put("required", bootstrapToken != null))
        .put("rateLimit", new JsonObject().put("keyPrefix", "chorus:test:" + UUID.randomUUID() + ":rl:"))
        .put("sse", new JsonObject().put("heartbeatMs", heartbeatMs).put("maxQueuedBytes", maxQueuedBytes)
            .put("replayBufferSize", 100).put("agentHealthIntervalMs", 60_000))
        .put("redis", new JsonObject().put("uri", REDIS_URI).put("commandTimeoutMs", 1_000))
        // Each test's sessions under keys of their own.
        .put("session", new JsonObject().put("ttlSeconds", 600).put("secureCookie", false)
            .put("keyPrefix", "chorus:test:" + UUID.randomUUID() + ":session:"));
  }

  public static JsonObject config() {
    return config(null, 60_000, 262_144);
  }

  /**
   * Registers the codecs, then deploys a web verticle with this config. When the config demands
   * tokens, the API token service comes first, on a schema of the test JVM's own (unless the config
   * names a database), holding the config's bootstrap token.
   */
  public static Future<WebVerticle> deploy(Vertx vertx, JsonObject config) {
    Contracts.registerCodecs(vertx);
    Future<?> tokens = config.getJsonObject("auth").getBoolean("required", true)
        ? deployTokenService(vertx, config)
        : Future.succeededFuture();
    WebVerticle verticle = new WebVerticle();
    return tokens.compose(ready -> vertx.deployVerticle(verticle, new DeploymentOptions().setConfig(config)))
        .map(id -> verticle);
  }

  /** Deploys the API token service with this config, first giving it a migrated schema if it names none. */
  public static Future<String> deployTokenService(Vertx vertx, JsonObject config) {
    Future<JsonObject> database = config.containsKey("database")
        ? Future.succeededFuture(config.getJsonObject("database"))
        : vertx.executeBlocking(WebTestSupport::tokenSchema);
    return database.compose(section -> {
      config.put("database", section);
      return Database.migrate(vertx, DatabaseOptions.fromConfig(config));
    }).compose(migrated -> vertx.deployVerticle(new ApiTokensVerticle(), new DeploymentOptions().setConfig(config)));
  }

  private static synchronized JsonObject tokenSchema() {
    if (tokenSchema == null) {
      tokenSchema = TestDatabase.createSchema(WebTestSupport.class).databaseConfig().put("connectTimeoutMs", 10_000);
    }
    return tokenSchema.copy();
  }

  public static WebClient client(Vertx vertx, WebVerticle web) {
    return WebClient.create(vertx, new WebClientOptions().setDefaultHost(HOST).setDefaultPort(web.actualPort()));
  }

  /** Succeeds once {@code condition} holds, checking every 10 ms; fails after {@code timeoutMs}. */
  public static Future<Void> eventually(Vertx vertx, long timeoutMs, BooleanSupplier condition) {
    Promise<Void> promise = Promise.promise();
    long deadline = System.currentTimeMillis() + timeoutMs;
    vertx.setPeriodic(0, 10, timer -> {
      if (condition.getAsBoolean()) {
        vertx.cancelTimer(timer);
        promise.tryComplete();
      } else if (System.currentTimeMillis() > deadline) {
        vertx.cancelTimer(timer);
        promise.tryFail(new AssertionError("condition not met within " + timeoutMs + " ms"));
      }
    });
    return promise.future();
  }
}
