package io.chorus.platform;

import io.chorus.contracts.ChorusError;
import io.chorus.contracts.Contracts;
import io.chorus.contracts.Platform;
import io.chorus.simulator.Simulator;
import io.chorus.simulator.SimulatorOptions;
import io.chorus.storage.Database;
import io.chorus.storage.DatabaseOptions;
import io.chorus.testkit.TestDatabase;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import java.util.Arrays;
import java.util.List;

/** Test plumbing: a real simulator, the five agents deployed against it, and the simulator's record of posts. */
final class AgentFixture {
  static final String MEDIA = "/media/autumn-harvest-1.jpg";

  /** One schema for every agent test of this JVM, where the agents keep their accounts' tokens. */
  private static TestDatabase database;

  private AgentFixture() {}

  /** Call from the test's own thread: the first call creates the agents' schema over JDBC. */
  static Future<Simulator> simulator(Vertx vertx, SimulatorOptions options) {
    database();
    Contracts.registerCodecs(vertx);
    return Simulator.create(vertx, options.setPort(0).setProcessingMs(100)).listen();
  }

  /** The whole Chorus configuration as the agents receive it: every platform on the simulator, one brand. */
  static JsonObject config(Simulator simulator) {
    JsonObject platforms = new JsonObject()
        .put("x", section(simulator, "x"))
        .put("facebook", section(simulator, "facebook").put("apiVersion", "v21.0"))
        .put("instagram", section(simulator, "instagram").put("apiVersion", "v21.0")
            .put("containerPollMs", 50).put("containerPollAttempts", 40))
        .put("linkedin", section(simulator, "linkedin").put("apiVersion", "202601"))
        .put("tiktok", section(simulator, "tiktok").put("statusPollMs", 50).put("statusPollAttempts", 40));
    JsonArray accounts = new JsonArray()
        .add(account("northwind-x", "x", "1600000000000000001"))
        .add(account("northwind-facebook", "facebook", "104857600000001"))
        .add(account("northwind-instagram", "instagram", "17841400000000001"))
        .add(account("northwind-linkedin", "linkedin", "urn:li:organization:5550001"))
        .add(account("northwind-tiktok", "tiktok", "7000000000000000001"))
        .add(account("tokenless-x", "x", "1600000000000000002").putNull("accessToken"));
    for (String platform : platforms.fieldNames()) {
      platforms.getJsonObject(platform).put("rateLimit", new JsonObject().put("requests", 100).put("periodSeconds", 60));
    }
    return new JsonObject()
        .put("database", database().databaseConfig())
        .put("redis", new JsonObject().put("uri", "redis://127.0.0.1:6379"))
        // A prefix per run, so quotas spent by earlier runs on the shared Redis do not count.
        .put("rateLimit", new JsonObject().put("localFallbackFraction", 0.25)
            .put("keyPrefix", "chorus:test:" + java.util.UUID.randomUUID() + ":"))
        .put("circuitBreaker", new JsonObject().put("maxFailures", 5).put("resetMs", 30000))
        .put("platforms", platforms)
        .put("brands", new JsonArray().add(new JsonObject().put("id", "northwind").put("accounts", accounts)));
  }

  private static JsonObject section(Simulator simulator, String platform) {
    return new JsonObject().put("baseUrl", simulator.baseUrl(platform)).put("timeoutMs", 5000);
  }

  private static JsonObject account(String id, String platform, String externalId) {
    // Tokens are plain values by now: the config loader has resolved "demo:<name>" to "<name>".
    return new JsonObject().put("id", id).put("platform", platform).put("handle", "Northwind")
        .put("externalId", externalId).put("accessToken", id);
  }

  static Future<Void> deployAgents(Vertx vertx, JsonObject config, Platform... platforms) {
    return Database.migrate(vertx, DatabaseOptions.fromConfig(config)).compose(migrated -> {
      List<Future<String>> deployed = Arrays.stream(platforms)
          .map(platform -> vertx.deployVerticle(new PlatformAgentVerticle(platform), new DeploymentOptions().setConfig(config)))
          .toList();
      return Future.all(deployed).mapEmpty();
    });
  }

  private static synchronized TestDatabase database() {
    if (database == null) {
      TestDatabase created = TestDatabase.createSchema(AgentFixture.class);
      Runtime.getRuntime().addShutdownHook(new Thread(created::close));
      database = created;
    }
    return database;
  }

  static <T> Future<T> request(Vertx vertx, Platform platform, String verb, Object body) {
    return vertx.eventBus().<T>request(platform.address(verb), body).map(Message::body);
  }

  /** The failure of a request that was expected to fail, as the Chorus error it carries. */
  static <T> Future<ChorusError> failureOf(Future<T> outcome) {
    return outcome.transform(ar -> ar.succeeded()
        ? Future.failedFuture(new AssertionError("expected a failure, got " + ar.result()))
        : Future.succeededFuture(ChorusError.from(ar.cause())));
  }

  /** What the simulator recorded as posted on a platform, or on all of them when it is null. */
  static Future<JsonArray> postsOn(Vertx vertx, Simulator simulator, String platform) {
    WebClient web = WebClient.create(vertx);
    var request = web.getAbs(simulator.baseUrl() + "/_simulator/posts");
    if (platform != null) {
      request.addQueryParam("platform", platform);
    }
    return request.send()
        .map(response -> response.bodyAsJsonObject().getJsonArray("items"))
        .onComplete(done -> web.close());
  }
}
