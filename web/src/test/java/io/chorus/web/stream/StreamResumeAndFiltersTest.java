package io.chorus.web.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.chorus.contracts.Addresses;
import io.chorus.contracts.Platform;
import io.chorus.contracts.PostState;
import io.chorus.contracts.health.HealthQuery;
import io.chorus.contracts.health.HealthReport;
import io.chorus.contracts.metrics.BrandMetrics;
import io.chorus.contracts.metrics.LatencySummary;
import io.chorus.contracts.metrics.LiveMetrics;
import io.chorus.contracts.pipeline.PostStateChanged;
import io.chorus.contracts.reports.ReportReady;
import io.chorus.web.SseTestClient;
import io.chorus.web.SseTestClient.Event;
import io.chorus.web.WebTestSupport;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@DisplayName("The live event stream, resumed and filtered")
class StreamResumeAndFiltersTest {
  private static final Instant AT = Instant.parse("2026-11-24T08:00:00Z");
  private static final long WAIT_MS = 5_000;

  @Test
  @DisplayName("sends a client that reconnects with Last-Event-ID exactly the events it missed")
  void resumesFromLastEventId(Vertx vertx, VertxTestContext ctx) {
    WebTestSupport.deploy(vertx, WebTestSupport.config())
        .compose(web -> Future.all(SseTestClient.open(vertx, web, "/api/v1/stream"),
                SseTestClient.open(vertx, web, "/api/v1/stream"))
            .compose(both -> {
              SseTestClient first = both.resultAt(0);
              // The witness stays connected: once it has seen an event, the node has numbered it.
              SseTestClient witness = both.resultAt(1);
              publishChange(vertx, "p-1", "northwind", Platform.X);
              return WebTestSupport.eventually(vertx, WAIT_MS, () -> first.events("post-state").size() == 1)
                  .compose(seen -> first.close())
                  .compose(closed -> {
                    publishChange(vertx, "p-2", "northwind", Platform.X);
                    publishChange(vertx, "p-3", "northwind", Platform.X);
                    return WebTestSupport.eventually(vertx, WAIT_MS, () -> witness.events("post-state").size() == 3);
                  })
                  .compose(missed -> SseTestClient.open(vertx, web, "/api/v1/stream",
                      Map.of(StreamHandler.LAST_EVENT_ID, first.events("post-state").get(0).id())));
            }))
        .compose(resumed -> WebTestSupport.eventually(vertx, WAIT_MS,
            () -> resumed.events("post-state").size() == 2).map(resumed))
        .onComplete(ctx.succeeding(resumed -> ctx.verify(() -> {
          assertThat(resumed.events("post-state")).extracting(e -> e.data().getString("postId"))
              .containsExactly("p-2", "p-3");
          assertThat(resumed.events("resync")).isEmpty();
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("says so with a resync event and sends a fresh snapshot when the id is older than the buffer")
  void resyncsWhenTheIdIsTooOld(Vertx vertx, VertxTestContext ctx) {
    JsonObject config = WebTestSupport.config();
    config.getJsonObject("sse").put("replayBufferSize", 2);
    WebTestSupport.deploy(vertx, config)
        .compose(web -> SseTestClient.open(vertx, web, "/api/v1/stream")
            .compose(witness -> {
              vertx.eventBus().publish(Addresses.METRICS_LIVE, metrics(5));
              for (int i = 0; i < 4; i++) {
                publishChange(vertx, "p-" + i, "northwind", Platform.X);
              }
              return WebTestSupport.eventually(vertx, WAIT_MS, () -> witness.events("post-state").size() == 4)
                  .map(seen -> witness.events("metrics").get(0).id());
            })
            .compose(oldId -> SseTestClient.open(vertx, web, "/api/v1/stream",
                Map.of(StreamHandler.LAST_EVENT_ID, oldId))))
        .compose(late -> WebTestSupport.eventually(vertx, WAIT_MS, () -> late.events().size() >= 2).map(late))
        .onComplete(ctx.succeeding(late -> ctx.verify(() -> {
          assertThat(late.events().get(0).name()).isEqualTo("resync");
          assertThat(late.events().get(0).id()).isNotBlank();
          assertThat(late.events().get(1).name()).isEqualTo("metrics");
          assertThat(late.events("post-state")).isEmpty();
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("treats an id from another node or an earlier run as too old")
  void resyncsOnForeignId(Vertx vertx, VertxTestContext ctx) {
    WebTestSupport.deploy(vertx, WebTestSupport.config())
        .compose(web -> SseTestClient.open(vertx, web, "/api/v1/stream",
            Map.of(StreamHandler.LAST_EVENT_ID, "someothernode-42")))
        .compose(client -> WebTestSupport.eventually(vertx, WAIT_MS, () -> !client.events().isEmpty()).map(client))
        .onComplete(ctx.succeeding(client -> ctx.verify(() -> {
          Event resync = client.events().get(0);
          assertThat(resync.name()).isEqualTo("resync");
          assertThat(resync.data().getString("lastEventId")).isEqualTo("someothernode-42");
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("shows a client filtered by brand only that brand's changes and figures")
  void filtersByBrand(Vertx vertx, VertxTestContext ctx) {
    WebTestSupport.deploy(vertx, WebTestSupport.config())
        .compose(web -> SseTestClient.open(vertx, web, "/api/v1/stream?brand=northwind&platform=x"))
        .compose(client -> {
          publishChange(vertx, "other-brand", "contoso", Platform.X);
          publishChange(vertx, "other-platform", "northwind", Platform.TIKTOK);
          publishChange(vertx, "mine", "northwind", Platform.X);
          vertx.eventBus().publish(Addresses.METRICS_LIVE, metrics(9));
          return WebTestSupport.eventually(vertx, WAIT_MS, () -> !client.events("metrics").isEmpty()).map(client);
        })
        .onComplete(ctx.succeeding(client -> ctx.verify(() -> {
          assertThat(client.events("post-state")).extracting(e -> e.data().getString("postId"))
              .containsExactly("mine");
          JsonObject figures = client.events("metrics").get(0).data();
          assertThat(figures.getString("brandId")).isEqualTo("northwind");
          assertThat(figures.getJsonObject("postsByPlatformAndState").fieldNames()).containsExactly("x");
          assertThat(figures.getJsonObject("postsByPlatformAndState").getJsonObject("x").getLong("PUBLISHED"))
              .isEqualTo(9L);
          assertThat(figures.getJsonObject("engagementByPlatform").getDouble("x")).isEqualTo(90.0);
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("refuses a brand filter that cannot be a brand id")
  void refusesBadBrand(Vertx vertx, VertxTestContext ctx) {
    WebTestSupport.deploy(vertx, WebTestSupport.config())
        .compose(web -> WebTestSupport.client(vertx, web).get("/api/v1/stream?brand=%3Cscript%3E").send())
        .onComplete(ctx.succeeding(response -> ctx.verify(() -> {
          assertThat(response.statusCode()).isEqualTo(400);
          assertThat(response.bodyAsJsonObject().getJsonArray("errors").getJsonObject(0).getString("field"))
              .isEqualTo("brand");
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("streams every agent's health from its status address, and a silent agent as down")
  void streamsAgentHealth(Vertx vertx, VertxTestContext ctx) {
    JsonObject config = WebTestSupport.config();
    config.getJsonObject("sse").put("agentHealthIntervalMs", 100);
    config.getJsonObject("http").put("requestTimeoutMs", 200);
    // Stand-ins for the agents that answer; TikTok's agent is missing on purpose.
    for (Platform platform : Platform.values()) {
      if (platform != Platform.TIKTOK) {
        vertx.eventBus().<HealthQuery>consumer(platform.address(Addresses.STATUS),
            message -> message.reply(new HealthReport(platform.id(), true, false, "ok")));
      }
    }
    vertx.eventBus().<HealthQuery>consumer(Addresses.PIPELINE_STATUS,
        message -> message.reply(new HealthReport("pipeline", true, true, "local rate limiter")));
    WebTestSupport.deploy(vertx, config)
        .compose(web -> SseTestClient.open(vertx, web, "/api/v1/stream"))
        .compose(client -> WebTestSupport.eventually(vertx, WAIT_MS,
            () -> !client.events("agent-health").isEmpty()).map(client))
        .onComplete(ctx.succeeding(client -> ctx.verify(() -> {
          JsonArray agents = client.events("agent-health").get(0).data().getJsonArray("agents");
          assertThat(agents).hasSize(Platform.values().length + 1);
          JsonObject tiktok = agents.stream().map(JsonObject.class::cast)
              .filter(a -> "tiktok".equals(a.getString("component"))).findFirst().orElseThrow();
          assertThat(tiktok.getBoolean("up")).isFalse();
          assertThat(tiktok.getString("detail")).startsWith("no answer");
          JsonObject pipeline = agents.stream().map(JsonObject.class::cast)
              .filter(a -> "pipeline".equals(a.getString("component"))).findFirst().orElseThrow();
          assertThat(pipeline.getBoolean("degraded")).isTrue();
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("sends reports as they become ready, to the clients of their brand")
  void streamsReports(Vertx vertx, VertxTestContext ctx) {
    WebTestSupport.deploy(vertx, WebTestSupport.config())
        .compose(web -> Future.all(SseTestClient.open(vertx, web, "/api/v1/stream?brand=northwind"),
            SseTestClient.open(vertx, web, "/api/v1/stream?brand=contoso")))
        .compose(both -> {
          vertx.eventBus().publish(Addresses.REPORTS_READY, new ReportReady("r-1", "northwind", "weekly", "Week 47", AT));
          SseTestClient northwind = both.resultAt(0);
          return WebTestSupport.eventually(vertx, WAIT_MS, () -> !northwind.events("report").isEmpty()).map(both);
        })
        .onComplete(ctx.succeeding(both -> ctx.verify(() -> {
          SseTestClient northwind = both.resultAt(0);
          SseTestClient contoso = both.resultAt(1);
          assertThat(northwind.events("report").get(0).data().getString("title")).isEqualTo("Week 47");
          assertThat(contoso.events("report")).isEmpty();
          ctx.completeNow();
        })));
  }

  private static void publishChange(Vertx vertx, String postId, String brand, Platform platform) {
    vertx.eventBus().publish(Addresses.PIPELINE_TRANSITIONS,
        new PostStateChanged(postId, brand, platform, PostState.PUBLISHING, PostState.PUBLISHED, AT));
  }

  private static LiveMetrics metrics(long northwindOnX) {
    Map<String, Map<String, Long>> northwind = Map.of(
        "x", Map.of("PUBLISHED", northwindOnX), "tiktok", Map.of("FAILED", 1L));
    Map<String, Map<String, Long>> contoso = Map.of("x", Map.of("PUBLISHED", 100L));
    return new LiveMetrics(AT, Map.of("x", Map.of("PUBLISHED", northwindOnX + 100), "tiktok", Map.of("FAILED", 1L)),
        LatencySummary.EMPTY, Map.of("x", 190.0),
        Map.of("northwind", new BrandMetrics(northwind, Map.of("x", 90.0)),
            "contoso", new BrandMetrics(contoso, Map.of("x", 100.0))));
  }
}
