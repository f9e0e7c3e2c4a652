package io.chorus.content;

import io.chorus.contracts.Addresses;
import io.chorus.contracts.content.UsageQuery;
import io.chorus.contracts.content.UsageReport;
import io.chorus.contracts.leader.CoordinationNotice;
import io.chorus.simulator.Simulator;
import io.chorus.testkit.TestDatabase;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A Content configuration against the simulator's providers, a test schema and a Redis prefix of
 * its own: anthropic with two keys, openai with one, short retries and a quick breaker.
 */
final class ContentFixture {
  static final String REDIS_URI = "redis://127.0.0.1:6379";

  private ContentFixture() {}

  static JsonObject config(TestDatabase database, Simulator simulator, String... chain) {
    JsonObject providers = new JsonObject()
        .put("anthropic", provider(simulator.baseUrl("anthropic"), "claude-haiku-4-5", "ant-key-1", "ant-key-2"))
        .put("openai", provider(simulator.baseUrl("openai") + "/v1", "gpt-4o-mini", "oai-key-1"));
    JsonObject content = new JsonObject()
        .put("offline", new JsonObject().put("seed", 7))
        .put("chain", new JsonArray(List.of(chain)))
        .put("providers", providers)
        .put("retry", new JsonObject().put("maxAttempts", 2).put("initialMs", 20).put("maxMs", 1000).put("jitter", 0.2))
        .put("circuitBreaker", new JsonObject().put("maxFailures", 5).put("resetMs", 30000))
        .put("prices", new JsonObject()
            .put("claude-haiku-4-5", new JsonObject().put("inputPerMillion", 1.0).put("outputPerMillion", 5.0))
            .put("gpt-4o-mini", new JsonObject().put("inputPerMillion", 0.15).put("outputPerMillion", 0.6)))
        .put("budgets", new JsonObject().putNull("defaultMonthlyUsd").put("brands", new JsonObject()))
        .put("cache", new JsonObject().put("enabled", false).put("ttlSeconds", 60)
            .put("keyPrefix", "chorus:test:" + UUID.randomUUID() + ":"));
    return new JsonObject()
        .put("database", database.databaseConfig())
        .put("redis", new JsonObject().put("uri", REDIS_URI).put("commandTimeoutMs", 1000))
        .put("content", content)
        .put("brands", new JsonArray().add(new JsonObject().put("id", "northwind").put("name", "Northwind Coffee Roasters")
            .put("voice", "warm and plain-spoken").put("bannedTopics", new JsonArray().add("politics"))
            .put("bannedWords", new JsonArray().add("cheap"))));
  }

  static JsonObject provider(String baseUrl, String model, String... keys) {
    return new JsonObject().put("baseUrl", baseUrl).put("model", model).put("apiKeys", new JsonArray(List.of(keys)))
        .put("stream", true).put("maxTokens", 400).put("temperature", 0.8).put("connectTimeoutMs", 2000)
        .put("idleTimeoutMs", 2000).put("deadlineMs", 5000);
  }

  /** Injects a simulator fault, e.g. {@code {"provider":"anthropic","fault":"overloaded","times":-1}}. */
  static Future<Void> inject(Vertx vertx, Simulator simulator, JsonObject fault) {
    return WebClient.create(vertx).postAbs(simulator.baseUrl() + "/_simulator/faults").sendJsonObject(fault)
        .compose(response -> response.statusCode() == 201 ? Future.<Void>succeededFuture()
            : Future.failedFuture("fault not injected: " + response.bodyAsString()));
  }

  /** The statuses the simulated provider answered, in order. */
  static Future<List<Integer>> statuses(Vertx vertx, Simulator simulator, String provider) {
    return WebClient.create(vertx).getAbs(simulator.baseUrl() + "/_simulator/requests")
        .addQueryParam("platform", provider).send()
        .map(response -> response.bodyAsJsonObject().getJsonArray("items").stream()
            .map(item -> ((JsonObject) item).getInteger("status")).toList());
  }

  static Future<UsageReport> usage(Vertx vertx, String brandId) {
    return vertx.eventBus().<UsageReport>request(Addresses.CONTENT_USAGE, new UsageQuery(brandId, null, null))
        .map(reply -> reply.body());
  }

  /** Every coordination notice published from now on. */
  static List<CoordinationNotice> notices(Vertx vertx) {
    List<CoordinationNotice> notices = new CopyOnWriteArrayList<>();
    vertx.eventBus().<CoordinationNotice>consumer(Addresses.COORDINATION, message -> notices.add(message.body()));
    return notices;
  }
}
