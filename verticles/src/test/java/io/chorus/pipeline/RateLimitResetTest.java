package io.chorus.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.chorus.contracts.Addresses;
import io.chorus.contracts.Contracts;
import io.chorus.contracts.Platform;
import io.chorus.contracts.PostState;
import io.chorus.contracts.pipeline.PlanRequest;
import io.chorus.contracts.pipeline.PlanResult;
import io.chorus.pipeline.publishing.PublisherVerticle;
import io.chorus.platform.PlatformAgentVerticle;
import io.chorus.simulator.Simulator;
import io.chorus.simulator.SimulatorOptions;
import io.chorus.storage.Database;
import io.chorus.storage.DatabaseOptions;
import io.chorus.testkit.TestDatabase;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import io.vertx.sqlclient.Pool;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@Timeout(value = 90, timeUnit = TimeUnit.SECONDS)
@DisplayName("Posts over a platform's rate limit wait for its reset and are all published")
class RateLimitResetTest {
  /** X's per-user window, shortened so that resets happen within the test. */
  private static final int WINDOW_POSTS = 10;
  private static final int WINDOW_SECONDS = 2;
  private static final int POSTS = 30;

  private TestDatabase database;
  private JsonObject config;
  private Pool pool;
  private Simulator simulator;

  @BeforeEach
  void setUp(Vertx vertx, VertxTestContext ctx) {
    Contracts.registerCodecs(vertx);
    database = TestDatabase.createSchema(getClass());
    config = PipelineFixture.config(database, POSTS + 10, 1);
    config.getJsonArray("campaigns").getJsonObject(0).put("platforms", new JsonArray().add("x"));
    // A shared machine can be slow to hand out connections; waiting is no failure here.
    config.getJsonObject("database").put("connectTimeoutMs", 20_000);
    config.getJsonObject("pipeline").put("requestTimeoutMs", 60_000);
    pool = Database.pool(vertx, DatabaseOptions.fromConfig(config));
    SimulatorOptions options = new SimulatorOptions().setPort(0)
        .setXPostsPer15Min(WINDOW_POSTS).setXWindowSeconds(WINDOW_SECONDS);
    Simulator.create(vertx, options).listen()
        .compose(started -> {
          simulator = started;
          // Chorus's own quota is far above X's window: X's rate-limit headers alone must hold the posts back.
          config.put("platforms", new JsonObject().put("x", new JsonObject().put("baseUrl", started.baseUrl("x"))
                  .put("timeoutMs", 5000).put("rateLimit", new JsonObject().put("requests", 1000).put("periodSeconds", 60))))
              .put("redis", new JsonObject().put("uri", "redis://127.0.0.1:6379"))
              .put("rateLimit", new JsonObject().put("localFallbackFraction", 0.25)
                  .put("keyPrefix", "chorus:test:" + UUID.randomUUID() + ":"))
              .put("circuitBreaker", new JsonObject().put("maxFailures", 5).put("resetMs", 30000));
          return Database.migrate(vertx, DatabaseOptions.fromConfig(config));
        })
        .compose(migrated -> vertx.deployVerticle(new PipelineVerticle(), new DeploymentOptions().setConfig(config)))
        .compose(deployed -> vertx.deployVerticle(new PlatformAgentVerticle(Platform.X), new DeploymentOptions().setConfig(config)))
        .onComplete(ctx.succeedingThenComplete());
  }

  @AfterEach
  void tearDown(Vertx vertx, VertxTestContext ctx) {
    vertx.close().onComplete(closed -> {
      database.close();
      ctx.completeNow();
    });
  }

  @Test
  @DisplayName("30 rapid posts to one X account are all published, none before the limit resets")
  void thirtyRapidPosts(Vertx vertx, VertxTestContext ctx) {
    vertx.eventBus().<PlanResult>request(Addresses.PIPELINE_PLAN, new PlanRequest("launch", Instant.now().plusSeconds(120)))
        .map(reply -> reply.body().postIds())
        .compose(planned -> {
          ctx.verify(() -> assertThat(planned).hasSizeGreaterThanOrEqualTo(POSTS));
          List<String> ids = planned.subList(0, POSTS);
          return Future.all(ids.stream().map(id -> PipelineDb.dueNow(pool, id, "Rapid post " + id)).toList())
              .compose(due -> vertx.deployVerticle(new PublisherVerticle(), new DeploymentOptions().setConfig(config)))
              .compose(deployed -> PipelineDb.waitUntil(vertx, () -> Future.all(ids.stream()
                      .map(id -> PipelineDb.isIn(pool, id, PostState.PUBLISHED)).toList())
                  .map(all -> all.<Boolean>list().stream().allMatch(Boolean::booleanValue))))
              .compose(published -> inspect(vertx, "posts").compose(posts -> inspect(vertx, "requests")
                  .map(requests -> List.of(posts, requests))));
        })
        .onComplete(ctx.succeeding(record -> ctx.verify(() -> {
          JsonArray posts = record.get(0);
          List<String> texts = posts.stream().map(post -> ((JsonObject) post).getString("text")).toList();
          assertThat(texts).hasSize(POSTS).doesNotHaveDuplicates();
          List<Long> accepted = posts.stream()
              .map(post -> Instant.parse(((JsonObject) post).getString("receivedAt")).toEpochMilli()).sorted().toList();
          // X took ten, then none until its window reset, then ten more: each later ten came a whole window later.
          for (int i = WINDOW_POSTS; i < POSTS; i++) {
            assertThat(accepted.get(i) - accepted.get(i - WINDOW_POSTS))
                .as("post %d came at least a window after post %d (less the simulator's recording lag)", i + 1, i - 9)
                .isGreaterThanOrEqualTo(WINDOW_SECONDS * 1000L - 100);
          }
          long refused = record.get(1).stream().map(JsonObject.class::cast)
              .filter(request -> request.getString("path").endsWith("/2/tweets") && request.getInteger("status") == 429)
              .count();
          // Only posts already on their way when X's answer arrived can meet a full window: 20 in the
          // first window and 10 in the second at most. Retrying before the reset would add many more.
          assertThat(refused).as("posts X refused with 429").isLessThanOrEqualTo(POSTS - WINDOW_POSTS + POSTS - 2 * WINDOW_POSTS);
          ctx.completeNow();
        })));
  }

  private Future<JsonArray> inspect(Vertx vertx, String what) {
    WebClient web = WebClient.create(vertx);
    return web.getAbs(simulator.baseUrl() + "/_simulator/" + what).addQueryParam("platform", "x").send()
        .map(response -> response.bodyAsJsonObject().getJsonArray("items"))
        .onComplete(done -> web.close());
  }
}
