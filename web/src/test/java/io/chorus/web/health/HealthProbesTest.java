package io.chorus.web.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.chorus.contracts.Addresses;
import io.chorus.contracts.Platform;
import io.chorus.contracts.health.HealthQuery;
import io.chorus.contracts.health.HealthReport;
import io.chorus.web.WebTestSupport;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@DisplayName("Health probes")
class HealthProbesTest {

  @Test
  @DisplayName("liveness answers 200 UP while the verticle runs")
  void liveWhileRunning(Vertx vertx, VertxTestContext ctx) {
    start(vertx)
        .compose(client -> client.get("/health/live").send())
        .onComplete(ctx.succeeding(response -> ctx.verify(() -> {
          assertThat(response.statusCode()).isEqualTo(200);
          assertThat(response.bodyAsJsonObject()).isEqualTo(new JsonObject().put("status", "UP"));
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("readiness is 503 while no pipeline answers")
  void notReadyWithoutPipeline(Vertx vertx, VertxTestContext ctx) {
    start(vertx)
        .compose(client -> client.get("/health/ready").send())
        .onComplete(ctx.succeeding(response -> ctx.verify(() -> {
          assertThat(response.statusCode()).isEqualTo(503);
          JsonObject pipeline = check(response.bodyAsJsonObject(), ReadinessChecks.PIPELINE_CHECK);
          assertThat(pipeline.getString("status")).isEqualTo("DOWN");
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("readiness is 503 when the pipeline says it is down")
  void notReadyWhenPipelineDown(Vertx vertx, VertxTestContext ctx) {
    report(vertx, Addresses.PIPELINE_STATUS, new HealthReport("pipeline", false, false, "database unreachable"));
    start(vertx)
        .compose(client -> client.get("/health/ready").send())
        .onComplete(ctx.succeeding(response -> ctx.verify(() -> {
          assertThat(response.statusCode()).isEqualTo(503);
          JsonObject pipeline = check(response.bodyAsJsonObject(), ReadinessChecks.PIPELINE_CHECK);
          assertThat(pipeline.getJsonObject("data").getString("detail")).isEqualTo("database unreachable");
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("readiness is 200 with the pipeline up, and reports degraded or missing agents without failing")
  void readyWithPipeline(Vertx vertx, VertxTestContext ctx) {
    report(vertx, Addresses.PIPELINE_STATUS, new HealthReport("pipeline", true, false, "ok"));
    report(vertx, Platform.X.address(Addresses.STATUS), new HealthReport("x", true, true, "local rate limiter"));
    start(vertx)
        .compose(client -> client.get("/health/ready").send())
        .onComplete(ctx.succeeding(response -> ctx.verify(() -> {
          assertThat(response.statusCode()).isEqualTo(200);
          JsonObject body = response.bodyAsJsonObject();
          assertThat(check(body, ReadinessChecks.PIPELINE_CHECK).getString("status")).isEqualTo("UP");
          JsonObject x = check(body, "platform-x");
          assertThat(x.getString("status")).isEqualTo("UP");
          assertThat(x.getJsonObject("data").getBoolean("degraded")).isTrue();
          JsonObject tiktok = check(body, "platform-tiktok");
          assertThat(tiktok.getString("status")).isEqualTo("UP");
          assertThat(tiktok.getJsonObject("data").getBoolean("up")).isFalse();
          ctx.completeNow();
        })));
  }

  private static JsonObject check(JsonObject body, String id) {
    JsonArray checks = body.getJsonArray("checks");
    return checks.stream().map(JsonObject.class::cast)
        .filter(c -> id.equals(c.getString("id"))).findFirst()
        .orElseThrow(() -> new AssertionError("no check " + id + " in " + body.encodePrettily()));
  }

  private static void report(Vertx vertx, String address, HealthReport report) {
    vertx.eventBus().<HealthQuery>consumer(address, request -> request.reply(report));
  }

  private static Future<WebClient> start(Vertx vertx) {
    return WebTestSupport.deploy(vertx, WebTestSupport.config()).map(web -> WebTestSupport.client(vertx, web));
  }
}
