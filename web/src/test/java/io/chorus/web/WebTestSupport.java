package io.chorus.web;

import io.chorus.contracts.Contracts;
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
        .put("auth", new JsonObject().put("bootstrapToken", bootstrapToken))
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

  /** Registers the codecs, then deploys a web verticle with this config. */
  public static Future<WebVerticle> deploy(Vertx vertx, JsonObject config) {
    Contracts.registerCodecs(vertx);
    WebVerticle verticle = new WebVerticle();
    return vertx.deployVerticle(verticle, new DeploymentOptions().setConfig(config)).map(id -> verticle);
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
