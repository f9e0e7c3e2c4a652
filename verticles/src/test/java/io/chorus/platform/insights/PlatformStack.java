package io.chorus.platform.insights;

import io.chorus.contracts.Addresses;
import io.chorus.contracts.Contracts;
import io.chorus.contracts.Platform;
import io.chorus.contracts.platform.PublishRequest;
import io.chorus.contracts.platform.PublishResult;
import io.chorus.pipeline.PipelineVerticle;
import io.chorus.pipeline.scheduling.SchedulingFixture;
import io.chorus.platform.PlatformAgentVerticle;
import io.chorus.simulator.Simulator;
import io.chorus.simulator.SimulatorOptions;
import io.chorus.storage.Database;
import io.chorus.storage.DatabaseOptions;
import io.chorus.testkit.TestDatabase;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Deployable;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Test plumbing for metrics and engagement: the simulator, a PostgreSQL schema with the catalog
 * of one brand with an account on each platform, the five agents, and published posts.
 */
public final class PlatformStack {
  public static final String BRAND = "northwind";
  private static final long POLL_EVERY_MS = 100;

  public final Vertx vertx;
  public final Simulator simulator;
  public final TestDatabase database;
  public final JsonObject config;
  public final Pool pool;
  public final WebClient web;

  private PlatformStack(Vertx vertx, Simulator simulator, TestDatabase database, JsonObject config) {
    this.vertx = vertx;
    this.simulator = simulator;
    this.database = database;
    this.config = config;
    this.pool = Database.pool(vertx, DatabaseOptions.fromConfig(config));
    this.web = WebClient.create(vertx);
  }

  /**
   * Starts the simulator, migrates a fresh schema, writes the catalog and deploys the five agents.
   *
   * @param tweak changes to the configuration before anything starts (brand rules, collect settings)
   */
  public static Future<PlatformStack> start(Vertx vertx, Class<?> testClass, Consumer<JsonObject> tweak) {
    Contracts.registerCodecs(vertx);
    TestDatabase database = TestDatabase.createSchema(testClass);
    return Simulator.create(vertx, new SimulatorOptions().setPort(0).setProcessingMs(50)).listen().compose(simulator -> {
      JsonObject config = config(simulator, database);
      tweak.accept(config);
      PlatformStack stack = new PlatformStack(vertx, simulator, database, config);
      return Database.migrate(vertx, DatabaseOptions.fromConfig(config))
          .compose(migrated -> stack.deploy(new PipelineVerticle()))
          .compose(catalog -> Future.all(List.of(Platform.values()).stream()
              .<Future<String>>map(platform -> stack.deploy(new PlatformAgentVerticle(platform))).toList()))
          .map(stack);
    });
  }

  public Future<String> deploy(Deployable verticle) {
    return vertx.deployVerticle(verticle, new DeploymentOptions().setConfig(config));
  }

  /** Publishes a post through the platform's agent, then records it as PUBLISHED; yields its Chorus id. */
  public Future<Published> publish(Platform platform, String text) {
    UUID postId = UUID.randomUUID();
    List<String> media = List.of(simulator.baseUrl() + "/media/autumn-harvest-1.jpg");
    PublishRequest request = new PublishRequest(postId.toString(), account(platform), text, media, 1);
    return vertx.eventBus().<PublishResult>request(platform.address(Addresses.PUBLISH), request)
        .compose(reply -> pool.preparedQuery("""
                INSERT INTO posts (id, brand_id, account_id, platform, slot_at, state, text, external_id, published_at)
                VALUES ($1, $2, $3, $4, now(), 'PUBLISHED', $5, $6, now())""")
            .execute(Tuple.of(postId, BRAND, account(platform), platform.id(), text, reply.body().externalId()))
            .map(inserted -> new Published(postId.toString(), reply.body().externalId())));
  }

  /** A post on its platform: Chorus's id and the platform's. */
  public record Published(String postId, String externalId) {}

  public static String account(Platform platform) {
    return "northwind-" + platform.id();
  }

  public Future<RowSet<Row>> query(String sql, Tuple params) {
    return pool.preparedQuery(sql).execute(params);
  }

  /** Comments on the simulator as someone from the audience; yields the comment's id. */
  public Future<String> comment(Platform platform, String externalPostId, String text) {
    return web.postAbs(simulator.baseUrl() + "/_simulator/comments")
        .sendJsonObject(new JsonObject().put("platform", platform.id()).put("postId", externalPostId)
            .put("text", text).put("author", "ana"))
        .compose(response -> response.statusCode() == 201
            ? Future.succeededFuture(response.bodyAsJsonObject().getString("id"))
            : Future.failedFuture(new AssertionError("comment refused: " + response.bodyAsString())));
  }

  /** Every comment the simulator keeps for a platform, replies by the accounts included. */
  public Future<JsonArray> comments(Platform platform) {
    return web.getAbs(simulator.baseUrl() + "/_simulator/comments").addQueryParam("platform", platform.id()).send()
        .map(response -> response.bodyAsJsonObject().getJsonArray("items"));
  }

  /** Polls until the condition holds, failing at the deadline. */
  public Future<Void> waitUntil(Supplier<Future<Boolean>> condition, long timeoutMs) {
    Promise<Void> done = Promise.promise();
    poll(condition, System.currentTimeMillis() + timeoutMs, done);
    return done.future();
  }

  private void poll(Supplier<Future<Boolean>> condition, long deadline, Promise<Void> done) {
    condition.get().onComplete(result -> {
      if (result.succeeded() && result.result()) {
        done.complete();
      } else if (System.currentTimeMillis() > deadline) {
        done.fail(new AssertionError("condition still false at the deadline"
            + (result.failed() ? ": " + result.cause().getMessage() : "")));
      } else {
        vertx.setTimer(POLL_EVERY_MS, tick -> poll(condition, deadline, done));
      }
    });
  }

  /** Drops the schema; call once the verticles using it have stopped. */
  public void dropSchema() {
    database.close();
  }

  private static JsonObject config(Simulator simulator, TestDatabase database) {
    JsonObject platforms = new JsonObject()
        .put("x", section(simulator, "x"))
        .put("facebook", section(simulator, "facebook").put("apiVersion", "v21.0"))
        .put("instagram", section(simulator, "instagram").put("apiVersion", "v21.0")
            .put("containerPollMs", 50).put("containerPollAttempts", 40))
        .put("linkedin", section(simulator, "linkedin").put("apiVersion", "202601"))
        .put("tiktok", section(simulator, "tiktok").put("statusPollMs", 50).put("statusPollAttempts", 40));
    JsonArray accounts = new JsonArray()
        .add(accountConfig(Platform.X, "1600000000000000001"))
        .add(accountConfig(Platform.FACEBOOK, "104857600000001"))
        .add(accountConfig(Platform.INSTAGRAM, "17841400000000001"))
        .add(accountConfig(Platform.LINKEDIN, "urn:li:organization:5550001"))
        .add(accountConfig(Platform.TIKTOK, "7000000000000000001"));
    return new JsonObject()
        // A loaded machine may take longer than the shipped two seconds to open a connection.
        .put("database", database.databaseConfig().put("connectTimeoutMs", 15_000))
        .put("redis", new JsonObject().put("uri", "redis://127.0.0.1:6379"))
        .put("rateLimit", new JsonObject().put("localFallbackFraction", 0.25)
            .put("keyPrefix", "chorus:test:" + UUID.randomUUID() + ":"))
        .put("circuitBreaker", new JsonObject().put("maxFailures", 5).put("resetMs", 30000))
        .put("pipeline", new JsonObject().put("pollIntervalMs", 50).put("batchSize", 20).put("leaseSeconds", 30)
            .put("maxAttempts", 3).put("requestTimeoutMs", 10000)
            .put("backoff", new JsonObject().put("initialMs", 100).put("maxMs", 1000).put("jitter", 0.0)))
        .put("review", new JsonObject().put("profanity", new JsonArray().add("damn"))
            .put("nearDuplicate", new JsonObject().put("recentPosts", 20).put("threshold", 0.8)))
        .put("scheduling", SchedulingFixture.section(0, 0, 50, SchedulingFixture.flat()))
        .put("media", new JsonObject().put("baseUrl", simulator.baseUrl() + "/media"))
        .put("content", new JsonObject().put("offline", new JsonObject().put("seed", 7)))
        .put("metrics", new JsonObject().put("liveIntervalMs", 100).put("latencyWindowSeconds", 300)
            .put("engagementWindowSeconds", 3600)
            .put("collect", new JsonObject().put("enabled", true).put("tickMs", 100).put("batchSize", 50)
                .put("intervalSeconds", 1).put("maxIntervalSeconds", 2).put("ageFraction", 0.1).put("spread", 0.2)
                .put("maxAgeDays", 30).put("requestTimeoutMs", 10000).put("findComments", true)))
        .put("platforms", platforms)
        .put("brands", new JsonArray().add(new JsonObject()
            .put("id", BRAND).put("name", "Northwind Coffee Roasters").put("timeZone", "Europe/Paris")
            .put("voice", "warm and plain-spoken").put("approval", "automatic").put("autoReply", true)
            .put("accounts", accounts)))
        .put("campaigns", new JsonArray());
  }

  private static JsonObject section(Simulator simulator, String platform) {
    return new JsonObject().put("baseUrl", simulator.baseUrl(platform)).put("timeoutMs", 5000)
        .put("rateLimit", new JsonObject().put("requests", 100).put("periodSeconds", 60));
  }

  private static JsonObject accountConfig(Platform platform, String externalId) {
    // Tokens are plain values by now: the config loader has resolved "demo:<name>" to "<name>".
    return new JsonObject().put("id", account(platform)).put("platform", platform.id()).put("handle", "Northwind")
        .put("externalId", externalId).put("accessToken", account(platform));
  }
}
