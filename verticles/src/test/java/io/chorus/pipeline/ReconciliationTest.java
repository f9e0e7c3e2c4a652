package io.chorus.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.chorus.contracts.Addresses;
import io.chorus.contracts.Contracts;
import io.chorus.contracts.Platform;
import io.chorus.contracts.PostState;
import io.chorus.contracts.platform.PublishRequest;
import io.chorus.contracts.platform.PublishResult;
import io.chorus.pipeline.publishing.PublisherVerticle;
import io.chorus.pipeline.publishing.ReconcilerVerticle;
import io.chorus.platform.PlatformAgentVerticle;
import io.chorus.simulator.Simulator;
import io.chorus.simulator.SimulatorOptions;
import io.chorus.storage.Database;
import io.chorus.storage.DatabaseOptions;
import io.chorus.testkit.TestDatabase;
import io.vertx.core.Deployable;
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
import io.vertx.sqlclient.Row;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@Timeout(value = 60, timeUnit = TimeUnit.SECONDS)
@DisplayName("A post lost in flight is reconciled with the platform: never lost, never published twice")
class ReconciliationTest {
  private TestDatabase database;
  private JsonObject config;
  private Pool pool;
  private Simulator simulator;

  @BeforeEach
  void setUp(Vertx vertx, VertxTestContext ctx) {
    Contracts.registerCodecs(vertx);
    database = TestDatabase.createSchema(getClass());
    config = PipelineFixture.config(database, 2, 1);
    pool = Database.pool(vertx, DatabaseOptions.fromConfig(config));
    Simulator.create(vertx, new SimulatorOptions().setPort(0)).listen()
        .compose(started -> {
          simulator = started;
          onSimulator(config, started);
          return Database.migrate(vertx, DatabaseOptions.fromConfig(config));
        })
        .compose(migrated -> vertx.deployVerticle(new PipelineVerticle(), new DeploymentOptions().setConfig(config)))
        .compose(deployed -> deploy(vertx, new PlatformAgentVerticle(Platform.X)))
        .compose(deployed -> deploy(vertx, new PlatformAgentVerticle(Platform.LINKEDIN)))
        .onComplete(ctx.succeedingThenComplete());
  }

  @AfterEach
  void tearDown(Vertx vertx, VertxTestContext ctx) {
    vertx.close().onComplete(closed -> {
      database.close();
      ctx.completeNow();
    });
  }

  /** The agents' part of the configuration: X and LinkedIn on the simulator, quotas in a fresh Redis prefix. */
  private static void onSimulator(JsonObject config, Simulator simulator) {
    JsonObject quota = new JsonObject().put("requests", 100).put("periodSeconds", 60);
    config.put("platforms", new JsonObject()
            .put("x", new JsonObject().put("baseUrl", simulator.baseUrl("x")).put("timeoutMs", 5000).put("rateLimit", quota))
            .put("linkedin", new JsonObject().put("baseUrl", simulator.baseUrl("linkedin")).put("timeoutMs", 5000)
                .put("apiVersion", "202601").put("rateLimit", quota)))
        .put("redis", new JsonObject().put("uri", "redis://127.0.0.1:6379"))
        .put("rateLimit", new JsonObject().put("localFallbackFraction", 0.25)
            .put("keyPrefix", "chorus:test:" + UUID.randomUUID() + ":"))
        .put("circuitBreaker", new JsonObject().put("maxFailures", 5).put("resetMs", 30000));
  }

  private Future<String> deploy(Vertx vertx, Deployable verticle) {
    return vertx.deployVerticle(verticle, new DeploymentOptions().setConfig(config));
  }

  @Test
  @DisplayName("posts the platform has end PUBLISHED with its ids; the others are published once")
  void reconcilesLostPosts(Vertx vertx, VertxTestContext ctx) {
    List<String> ids = new ArrayList<>();
    Map<String, String> publishedBeforeCrash = new HashMap<>();
    PipelineDb.plan(vertx)
        .compose(planned -> {
          ids.addAll(planned.postIds());
          return Future.all(ids.stream().map(id -> PipelineDb.crashedInFlight(pool, id, text(id))).toList());
        })
        // Half the posts reached the platform before their node died: the agent published them.
        .compose(forced -> Future.all(ids.subList(0, 2).stream().map(id -> publishAsCrashedNode(vertx, id)
            .map(externalId -> publishedBeforeCrash.put(id, externalId))).toList()))
        .compose(published -> deploy(vertx, new PublisherVerticle()))
        .compose(deployed -> deploy(vertx, new ReconcilerVerticle()))
        .compose(deployed -> PipelineDb.waitUntil(vertx, () -> Future.all(ids.stream()
                .map(id -> PipelineDb.isIn(pool, id, PostState.PUBLISHED)).toList())
            .map(all -> all.<Boolean>list().stream().allMatch(Boolean::booleanValue))))
        .compose(done -> Future.all(ids.stream().map(id -> PipelineDb.post(pool, id)).toList()))
        .compose(rows -> recordedTexts(vertx).map(texts -> {
          ctx.verify(() -> {
            for (Row row : rows.<Row>list()) {
              String id = row.getUUID("id").toString();
              assertThat(texts).as("times %s is on its platform", id).containsOnlyOnce(text(id));
              if (publishedBeforeCrash.containsKey(id)) {
                assertThat(row.getString("external_id")).isEqualTo(publishedBeforeCrash.get(id));
                assertThat(row.getString("path")).endsWith(
                    "UNKNOWN:publishing lease of publisher-that-crashed expired"
                        + ">PUBLISHED:found on the platform by reconciliation");
              } else {
                assertThat(row.getString("path")).endsWith(
                    ">UNKNOWN:publishing lease of publisher-that-crashed expired"
                        + ">SCHEDULED:not on the platform; publishing again>PUBLISHING>PUBLISHED");
                assertThat(row.getInteger("attempts")).isEqualTo(2);
              }
            }
          });
          return texts;
        }))
        .onComplete(ctx.succeedingThenComplete());
  }

  private static String text(String id) {
    return "Launch day for post " + id + " #Acme";
  }

  private Future<String> publishAsCrashedNode(Vertx vertx, String id) {
    return PipelineDb.post(pool, id).compose(row -> vertx.eventBus().<PublishResult>request(
            Platform.of(row.getString("platform")).address(Addresses.PUBLISH),
            new PublishRequest(id, row.getString("account_id"), text(id), List.of(), 1)))
        .map(reply -> reply.body().externalId());
  }

  /** Every text the simulator received, on any platform. */
  private Future<List<String>> recordedTexts(Vertx vertx) {
    WebClient web = WebClient.create(vertx);
    return web.getAbs(simulator.baseUrl() + "/_simulator/posts").send()
        .map(response -> {
          JsonArray items = response.bodyAsJsonObject().getJsonArray("items");
          return items.stream().map(item -> ((JsonObject) item).getString("text"))
              .map(text -> text.replace("\\#", "#")).toList();
        })
        .onComplete(done -> web.close());
  }
}
