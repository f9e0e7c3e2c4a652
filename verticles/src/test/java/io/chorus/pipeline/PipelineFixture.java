package io.chorus.pipeline;

import io.chorus.pipeline.scheduling.SchedulingFixture;
import io.chorus.testkit.TestDatabase;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** A small configuration for pipeline tests: one brand on two platforms, one campaign. */
final class PipelineFixture {
  private PipelineFixture() {}

  static JsonObject config(TestDatabase database, int slots, int everySeconds) {
    return new JsonObject()
        .put("database", database.databaseConfig())
        .put("pipeline", new JsonObject()
            .put("pollIntervalMs", 50)
            .put("batchSize", 20)
            .put("leaseSeconds", 30)
            .put("maxAttempts", 3)
            .put("backoff", new JsonObject().put("initialMs", 100).put("maxMs", 1000).put("jitter", 0.0))
            .put("requestTimeoutMs", 5000))
        .put("review", new JsonObject()
            .put("profanity", new JsonArray().add("damn"))
            .put("nearDuplicate", new JsonObject().put("recentPosts", 20).put("threshold", 0.8)))
        .put("scheduling", SchedulingFixture.section(0, 0, 50, SchedulingFixture.flat()))
        .put("media", new JsonObject().put("baseUrl", "http://127.0.0.1:9/media"))
        .put("metrics", new JsonObject().put("liveIntervalMs", 100).put("latencyWindowSeconds", 300))
        .put("brands", new JsonArray().add(new JsonObject()
            .put("id", "acme")
            .put("name", "Acme")
            .put("timeZone", "Europe/Paris")
            .put("voice", "plain")
            .put("bannedWords", new JsonArray().add("forbidden"))
            .put("accounts", new JsonArray()
                .add(account("acme-x", "x", "1001"))
                .add(account("acme-linkedin", "linkedin", "urn:li:organization:1")))))
        .put("campaigns", new JsonArray().add(new JsonObject()
            .put("id", "launch")
            .put("brand", "acme")
            .put("name", "Launch")
            .put("brief", "A new product.")
            .put("keyMessages", new JsonArray().add("it is new"))
            .put("hashtags", new JsonArray().add("#Acme"))
            .put("trends", new JsonArray())
            .put("callToAction", "Buy it")
            .put("platforms", new JsonArray().add("x").add("linkedin"))
            .put("media", new JsonArray().add("one.jpg"))
            .put("calendar", new JsonObject().put("everySeconds", everySeconds).put("maxSlots", slots))));
  }

  private static JsonObject account(String id, String platform, String externalId) {
    return new JsonObject().put("id", id).put("platform", platform).put("handle", id)
        .put("externalId", externalId).put("accessToken", "token-" + id);
  }
}
