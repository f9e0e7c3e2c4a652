package io.chorus.web.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.chorus.contracts.Addresses;
import io.chorus.contracts.Platform;
import io.chorus.contracts.PostState;
import io.chorus.contracts.metrics.LatencySummary;
import io.chorus.contracts.metrics.LiveMetrics;
import io.chorus.contracts.pipeline.PostStateChanged;
import io.chorus.web.SseTestClient;
import io.chorus.web.SseTestClient.Event;
import io.chorus.web.WebTestSupport;
import io.chorus.web.WebVerticle;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@DisplayName("The live event stream")
class LiveStreamTest {
  private static final Instant AT = Instant.parse("2026-11-24T08:00:00Z");
  private static final long WAIT_MS = 5_000;

  @Test
  @DisplayName("sends live metrics as they are published, with increasing ids")
  void streamsMetrics(Vertx vertx, VertxTestContext ctx) {
    WebTestSupport.deploy(vertx, WebTestSupport.config())
        .compose(web -> SseTestClient.open(vertx, web, "/api/v1/stream"))
        .compose(client -> {
          vertx.eventBus().publish(Addresses.METRICS_LIVE, metrics(3));
          vertx.eventBus().publish(Addresses.METRICS_LIVE, metrics(4));
          return WebTestSupport.eventually(vertx, WAIT_MS, () -> client.events("metrics").size() == 2).map(client);
        })
        .onComplete(ctx.succeeding(client -> ctx.verify(() -> {
          assertThat(client.response().getHeader("Content-Type")).startsWith("text/event-stream");
          assertThat(client.response().getHeader("Cache-Control")).isEqualTo("no-cache");
          assertThat(client.retries()).containsExactly(Long.toString(StreamHandler.RETRY_MS));
          List<Event> events = client.events("metrics");
          assertThat(events).extracting(Event::id).allMatch(id -> id.matches("[0-9a-z]+-[0-9]+"));
          String[] first = events.get(0).id().split("-");
          String[] second = events.get(1).id().split("-");
          assertThat(second[0]).as("the node's epoch").isEqualTo(first[0]);
          assertThat(Long.parseLong(second[1])).isGreaterThan(Long.parseLong(first[1]));
          JsonObject latest = events.get(1).data();
          assertThat(latest.getJsonObject("postsByPlatformAndState").getJsonObject("x").getLong("PUBLISHED"))
              .isEqualTo(4L);
          assertThat(latest.getJsonObject("publishLatency").getDouble("p95Ms")).isEqualTo(250.0);
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("greets a new client with the latest metrics snapshot")
  void sendsLatestSnapshotOnConnect(Vertx vertx, VertxTestContext ctx) {
    WebTestSupport.deploy(vertx, WebTestSupport.config())
        .compose(web -> {
          vertx.eventBus().publish(Addresses.METRICS_LIVE, metrics(7));
          // The first client proves the snapshot reached the node before the second connects.
          return SseTestClient.open(vertx, web, "/api/v1/stream")
              .compose(first -> WebTestSupport.eventually(vertx, WAIT_MS, () -> !first.events().isEmpty()))
              .compose(seen -> SseTestClient.open(vertx, web, "/api/v1/stream"));
        })
        .compose(late -> WebTestSupport.eventually(vertx, WAIT_MS, () -> !late.events().isEmpty()).map(late))
        .onComplete(ctx.succeeding(late -> ctx.verify(() -> {
          Event first = late.events().get(0);
          assertThat(first.name()).isEqualTo("metrics");
          assertThat(first.data().getJsonObject("postsByPlatformAndState").getJsonObject("x").getLong("PUBLISHED"))
              .isEqualTo(7L);
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("sends post state changes, only those of the platform asked for")
  void filtersPostStateByPlatform(Vertx vertx, VertxTestContext ctx) {
    WebTestSupport.deploy(vertx, WebTestSupport.config())
        .compose(web -> Future.all(
            SseTestClient.open(vertx, web, "/api/v1/stream?platform=linkedin"),
            SseTestClient.open(vertx, web, "/api/v1/stream")))
        .compose(both -> {
          SseTestClient linkedinOnly = both.resultAt(0);
          SseTestClient everything = both.resultAt(1);
          vertx.eventBus().publish(Addresses.PIPELINE_TRANSITIONS, change("p-1", Platform.X));
          vertx.eventBus().publish(Addresses.PIPELINE_TRANSITIONS, change("p-2", Platform.LINKEDIN));
          return WebTestSupport.eventually(vertx, WAIT_MS, () -> everything.events("post-state").size() == 2
              && linkedinOnly.events("post-state").size() == 1).map(linkedinOnly);
        })
        .onComplete(ctx.succeeding(linkedinOnly -> ctx.verify(() -> {
          JsonObject change = linkedinOnly.events("post-state").get(0).data();
          assertThat(change.getString("postId")).isEqualTo("p-2");
          assertThat(change.getString("platform")).isEqualTo("linkedin");
          assertThat(change.getString("from")).isEqualTo("PUBLISHING");
          assertThat(change.getString("to")).isEqualTo("PUBLISHED");
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("refuses an unknown platform filter with a 400 problem")
  void refusesUnknownPlatform(Vertx vertx, VertxTestContext ctx) {
    WebTestSupport.deploy(vertx, WebTestSupport.config())
        .compose(web -> WebTestSupport.client(vertx, web).get("/api/v1/stream?platform=myspace").send())
        .onComplete(ctx.succeeding(response -> ctx.verify(() -> {
          assertThat(response.statusCode()).isEqualTo(400);
          assertThat(response.getHeader("Content-Type")).isEqualTo("application/problem+json");
          assertThat(response.bodyAsJsonObject().getJsonArray("errors").getJsonObject(0).getString("field"))
              .isEqualTo("platform");
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("sends heartbeat comments while nothing happens")
  void sendsHeartbeats(Vertx vertx, VertxTestContext ctx) {
    WebTestSupport.deploy(vertx, WebTestSupport.config(null, 50, 262_144))
        .compose(web -> SseTestClient.open(vertx, web, "/api/v1/stream"))
        .compose(client -> WebTestSupport.eventually(vertx, WAIT_MS, () -> client.comments().size() >= 2).map(client))
        .onComplete(ctx.succeeding(client -> ctx.verify(() -> {
          assertThat(client.comments()).allMatch("ping"::equals);
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("forgets a client once it disconnects")
  void unregistersClosedClients(Vertx vertx, VertxTestContext ctx) {
    WebTestSupport.deploy(vertx, WebTestSupport.config())
        .compose(web -> SseTestClient.open(vertx, web, "/api/v1/stream")
            .compose(client -> {
              ctx.verify(() -> assertThat(web.streamClients()).isEqualTo(1));
              return client.close();
            })
            .compose(closed -> WebTestSupport.eventually(vertx, WAIT_MS, () -> web.streamClients() == 0)))
        .onComplete(ctx.succeedingThenComplete());
  }

  @Test
  @DisplayName("serves many clients from one bus consumer per address")
  void oneConsumerForManyClients(Vertx vertx, VertxTestContext ctx) {
    AtomicInteger deliveries = new AtomicInteger();
    // Inbound interceptors run once per consumer a message is delivered to.
    vertx.eventBus().addInboundInterceptor(delivery -> {
      if (Addresses.METRICS_LIVE.equals(delivery.message().address())) {
        deliveries.incrementAndGet();
      }
      delivery.next();
    });
    WebTestSupport.deploy(vertx, WebTestSupport.config())
        .compose(web -> Future.all(List.of(
            SseTestClient.open(vertx, web, "/api/v1/stream"),
            SseTestClient.open(vertx, web, "/api/v1/stream"),
            SseTestClient.open(vertx, web, "/api/v1/stream"))))
        .compose(all -> {
          List<SseTestClient> clients = all.list();
          vertx.eventBus().publish(Addresses.METRICS_LIVE, metrics(1));
          return WebTestSupport.eventually(vertx, WAIT_MS,
              () -> clients.stream().allMatch(c -> c.events("metrics").size() == 1));
        })
        .onComplete(ctx.succeeding(received -> ctx.verify(() -> {
          assertThat(deliveries).hasValue(1);
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("drops a client that stops reading instead of queueing for it without bound")
  void dropsSlowClients(Vertx vertx, VertxTestContext ctx) {
    WebTestSupport.deploy(vertx, WebTestSupport.config(null, 60_000, 16_384))
        .compose(web -> SseTestClient.open(vertx, web, "/api/v1/stream")
            .compose(client -> {
              client.stopReading();
              LiveMetrics large = largeMetrics();
              // Each round fills the socket a little more; the node must give up on the client.
              long timer = vertx.setPeriodic(5, tick -> vertx.eventBus().publish(Addresses.METRICS_LIVE, large));
              return WebTestSupport.eventually(vertx, 20_000, () -> web.streamClients() == 0)
                  .onComplete(done -> vertx.cancelTimer(timer));
            }))
        .onComplete(ctx.succeedingThenComplete());
  }

  private static LiveMetrics metrics(long publishedOnX) {
    Map<String, Map<String, Long>> counts = Map.of(
        "x", Map.of("PUBLISHED", publishedOnX, "SCHEDULED", 2L),
        "facebook", Map.of("PUBLISHED", 1L));
    return new LiveMetrics(AT, counts, new LatencySummary(10, 120.0, 250.0, 400.0));
  }

  private static LiveMetrics largeMetrics() {
    Map<String, Long> states = new HashMap<>();
    for (int i = 0; i < 5_000; i++) {
      states.put("STATE_WITH_A_LONG_NAME_" + i, (long) i);
    }
    return new LiveMetrics(AT, Map.of("x", states), LatencySummary.EMPTY);
  }

  private static PostStateChanged change(String postId, Platform platform) {
    return new PostStateChanged(postId, "northwind", platform, PostState.PUBLISHING, PostState.PUBLISHED, AT);
  }
}
