package io.chorus.metrics.collect;

import static org.assertj.core.api.Assertions.assertThat;

import io.chorus.contracts.Addresses;
import io.chorus.contracts.Platform;
import io.chorus.contracts.metrics.CollectRequest;
import io.chorus.contracts.metrics.CollectResult;
import io.chorus.contracts.metrics.LiveMetrics;
import io.chorus.metrics.LiveMetricsVerticle;
import io.chorus.platform.insights.PlatformStack;
import io.chorus.platform.insights.PlatformStack.Published;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@Timeout(value = 90, timeUnit = TimeUnit.SECONDS)
@DisplayName("Collecting the platforms' metrics of published posts")
class MetricsCollectionTest {
  /** What each platform's insights give, under Chorus's names. */
  private static final Map<Platform, List<String>> METRICS = Map.of(
      Platform.X, List.of("likes", "comments", "shares", "saves", "impressions", "clicks"),
      Platform.FACEBOOK, List.of("likes", "comments", "shares", "impressions", "reach", "clicks"),
      Platform.INSTAGRAM, List.of("likes", "comments", "shares", "saves", "reach", "views"),
      Platform.LINKEDIN, List.of("likes", "comments", "shares", "impressions", "reach", "clicks"),
      Platform.TIKTOK, List.of("likes", "comments", "shares", "views"));

  private PlatformStack stack;

  @AfterEach
  void tearDown(Vertx vertx, VertxTestContext ctx) {
    vertx.close().onComplete(closed -> {
      if (stack != null) {
        stack.dropSchema();
      }
      ctx.completeNow();
    });
  }

  @Test
  @DisplayName("an agent reads its X posts in one batched lookup and says which posts are gone and which it could not read")
  void collectVerbBatches(Vertx vertx, VertxTestContext ctx) {
    PlatformStack.start(vertx, getClass(), config -> { })
        .compose(started -> {
          stack = started;
          return Future.all(List.of(stack.publish(Platform.X, "Roasted on Tuesday"),
              stack.publish(Platform.X, "Tasting notes: baked apple"), stack.publish(Platform.X, "First frost, first cup")));
        })
        .compose(all -> {
          List<CollectRequest.Target> targets = new ArrayList<>();
          for (int i = 0; i < 3; i++) {
            Published post = all.resultAt(i);
            targets.add(new CollectRequest.Target(post.postId(), "northwind-x", post.externalId(), Instant.now(), 0));
          }
          targets.add(new CollectRequest.Target("gone", "northwind-x", "42", Instant.now(), 0));
          targets.add(new CollectRequest.Target("foreign", "northwind-facebook", "1", Instant.now(), 0));
          return vertx.eventBus().<CollectResult>request(Platform.X.address(Addresses.COLLECT), new CollectRequest(targets))
              .compose(reply -> lookups().map(lookups -> {
                ctx.verify(() -> {
                  CollectResult result = reply.body();
                  assertThat(result.collected()).hasSize(3);
                  result.collected().forEach(metrics ->
                      assertThat(metrics.values()).containsOnlyKeys(METRICS.get(Platform.X)));
                  assertThat(result.missing()).containsExactly("gone");
                  assertThat(result.failed()).containsExactly("foreign");
                  assertThat(lookups).isEqualTo(1);
                });
                return null;
              }));
        })
        .onComplete(ctx.succeedingThenComplete());
  }

  private Future<Long> lookups() {
    return stack.web.getAbs(stack.simulator.baseUrl() + "/_simulator/requests").addQueryParam("platform", "x").send()
        .map(response -> response.bodyAsJsonObject().getJsonArray("items").stream()
            .map(JsonObject.class::cast)
            .filter(request -> request.getString("method").equals("GET") && request.getString("path").endsWith("/2/tweets"))
            .count());
  }

  @Test
  @DisplayName("posts on all five platforms are read again and again, stored per post and brand, never going down, and live metrics add them up")
  void pollsEveryPlatform(Vertx vertx, VertxTestContext ctx) {
    AtomicReference<LiveMetrics> live = new AtomicReference<>();
    Map<Platform, Published> posts = new HashMap<>();
    String gone = UUID.randomUUID().toString();
    PlatformStack.start(vertx, getClass(), config -> { })
        .compose(started -> {
          stack = started;
          vertx.eventBus().<LiveMetrics>consumer(Addresses.METRICS_LIVE, message -> live.set(message.body()));
          List<Future<Published>> published = new ArrayList<>();
          for (Platform platform : Platform.values()) {
            published.add(stack.publish(platform, "Autumn Harvest is here on " + platform.id())
                .onSuccess(post -> posts.put(platform, post)));
          }
          return Future.all(published);
        })
        .compose(published -> stack.query("""
            INSERT INTO posts (id, brand_id, account_id, platform, slot_at, state, external_id, published_at)
            VALUES ($1::uuid, 'northwind', 'northwind-x', 'x', now(), 'PUBLISHED', '42', now())""", Tuple.of(gone)))
        .compose(inserted -> stack.deploy(new MetricsCollectorVerticle()))
        .compose(deployed -> stack.deploy(new LiveMetricsVerticle()))
        .compose(deployed -> stack.waitUntil(() -> stack.query("""
            SELECT count(DISTINCT sampled_at) >= 3 AS enough FROM metric_samples GROUP BY post_id""", Tuple.tuple())
            .map(rows -> rows.size() == 5 && allTrue(rows)), 60_000))
        .compose(sampled -> stack.waitUntil(() -> Future.succeededFuture(
            live.get() != null && live.get().engagementByPlatform().size() == 5), 10_000))
        .compose(seen -> stack.query("""
            SELECT s.post_id, s.platform, s.brand_id, s.account_id, s.metric, s.value, s.sampled_at
            FROM metric_samples s ORDER BY s.post_id, s.metric, s.sampled_at""", Tuple.tuple()))
        .compose(samples -> stack.query("SELECT retired_at FROM metric_polls WHERE post_id = $1::uuid", Tuple.of(gone))
            .map(retired -> {
              ctx.verify(() -> {
                Map<String, List<Row>> bySeries = new HashMap<>();
                samples.forEach(row -> bySeries.computeIfAbsent(
                    row.getUUID("post_id") + "/" + row.getString("metric"), key -> new ArrayList<>()).add(row));
                for (Platform platform : Platform.values()) {
                  String postId = posts.get(platform).postId();
                  List<String> metrics = bySeries.keySet().stream().filter(key -> key.startsWith(postId))
                      .map(key -> key.substring(key.indexOf('/') + 1)).toList();
                  assertThat(metrics).as(platform.id()).containsExactlyInAnyOrderElementsOf(METRICS.get(platform));
                  String audience = metrics.contains("impressions") ? "impressions" : "views";
                  List<Row> series = bySeries.get(postId + "/" + audience);
                  assertThat(series.get(series.size() - 1).getDouble("value")).as(platform.id() + " grows")
                      .isGreaterThan(series.get(0).getDouble("value"));
                }
                bySeries.forEach((series, rows) -> {
                  for (int i = 1; i < rows.size(); i++) {
                    assertThat(rows.get(i).getDouble("value")).as(series).isGreaterThanOrEqualTo(rows.get(i - 1).getDouble("value"));
                  }
                  rows.forEach(row -> {
                    assertThat(row.getString("brand_id")).isEqualTo(PlatformStack.BRAND);
                    assertThat(row.getString("account_id")).isEqualTo("northwind-" + row.getString("platform"));
                  });
                });
                assertThat(retired.iterator().next().getOffsetDateTime("retired_at")).isNotNull();
                // Live engagement sums the scheduler's engagement metrics over each post's latest reading.
                // Young posts may have no likes yet on one platform, but not on all five.
                Map<String, Double> engagement = live.get().engagementByPlatform();
                assertThat(engagement).containsOnlyKeys("x", "facebook", "instagram", "linkedin", "tiktok");
                assertThat(engagement.values().stream().mapToDouble(Double::doubleValue).sum()).isPositive();
              });
              return null;
            }))
        .onComplete(ctx.succeedingThenComplete());
  }

  private static boolean allTrue(Iterable<Row> rows) {
    for (Row row : rows) {
      if (!row.getBoolean("enough")) {
        return false;
      }
    }
    return true;
  }
}
