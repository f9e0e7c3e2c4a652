package io.chorus.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.chorus.contracts.Addresses;
import io.chorus.contracts.Contracts;
import io.chorus.contracts.Platform;
import io.chorus.contracts.PostState;
import io.chorus.contracts.leader.Escalation;
import io.chorus.contracts.pipeline.PlanRequest;
import io.chorus.contracts.pipeline.PlanResult;
import io.chorus.contracts.platform.AccountStatus;
import io.chorus.contracts.platform.Reauthorization;
import io.chorus.pipeline.publishing.PublisherVerticle;
import io.chorus.platform.PlatformAgentVerticle;
import io.chorus.simulator.Simulator;
import io.chorus.simulator.SimulatorOptions;
import io.chorus.storage.Database;
import io.chorus.storage.DatabaseOptions;
import io.chorus.testkit.TestDatabase;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
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
@DisplayName("An account whose authorization was revoked waits, escalated, until it is authorized again")
class ReauthorizationTest {
  private static final int POSTS = 3;
  /** The simulated X user behind the account acme-x. */
  private static final String USER = "acme-x-user";

  private TestDatabase database;
  private JsonObject config;
  private Pool pool;
  private Simulator simulator;

  @BeforeEach
  void setUp(Vertx vertx, VertxTestContext ctx) {
    Contracts.registerCodecs(vertx);
    database = TestDatabase.createSchema(getClass());
    config = PipelineFixture.config(database, POSTS + 5, 1);
    config.getJsonArray("campaigns").getJsonObject(0).put("platforms", new JsonArray().add("x"));
    config.getJsonObject("database").put("connectTimeoutMs", 20_000);
    config.getJsonObject("pipeline").put("requestTimeoutMs", 60_000);
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    config.put("tokens", new JsonObject().put("encryptionKey", Base64.getEncoder().encodeToString(key))
        .put("reauthorizationRecheckMs", 500));
    pool = Database.pool(vertx, DatabaseOptions.fromConfig(config));
    Simulator.create(vertx, new SimulatorOptions().setPort(0)).listen()
        .compose(started -> {
          simulator = started;
          return simulatorCall(vertx, "/_simulator/tokens", USER);
        })
        .compose(pair -> {
          JsonObject account = config.getJsonArray("brands").getJsonObject(0).getJsonArray("accounts").getJsonObject(0);
          account.put("accessToken", pair.getString("access_token")).put("refreshToken", pair.getString("refresh_token"));
          config.put("platforms", new JsonObject().put("x", new JsonObject().put("baseUrl", simulator.baseUrl("x"))
                  .put("timeoutMs", 5000).put("rateLimit", new JsonObject().put("requests", 100).put("periodSeconds", 60))
                  .put("oauth", new JsonObject().put("tokenUrl", simulator.baseUrl("x") + "/2/oauth2/token")
                      .put("clientId", "chorus-test"))))
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
  @DisplayName("its posts neither fail nor hammer the platform, and go out once a new token is given")
  void revokedThenReauthorized(Vertx vertx, VertxTestContext ctx) {
    Promise<Escalation> escalated = Promise.promise();
    vertx.eventBus().<Escalation>consumer(Addresses.LEADER_ESCALATIONS, message -> escalated.tryComplete(message.body()));
    simulatorCall(vertx, "/_simulator/tokens/revoke", USER)
        .compose(revoked -> vertx.eventBus().<PlanResult>request(Addresses.PIPELINE_PLAN,
            new PlanRequest("launch", Instant.now().plusSeconds(60))))
        .compose(planned -> {
          List<String> ids = planned.body().postIds().subList(0, POSTS);
          return Future.all(ids.stream().map(id -> PipelineDb.dueNow(pool, id, "Waiting post " + id)).toList())
              .compose(due -> vertx.deployVerticle(new PublisherVerticle(), new DeploymentOptions().setConfig(config)))
              .compose(deployed -> escalated.future())
              .compose(escalation -> status(vertx).compose(waiting -> tweetsSent(vertx)
                  // Several rechecks pass: the posts must stay put, and X must not be asked again.
                  .compose(sentBefore -> vertx.timer(2500).compose(quiet -> Future.all(ids.stream()
                          .map(id -> PipelineDb.post(pool, id)).toList()))
                      .compose(rows -> tweetsSent(vertx).map(sentAfter -> {
                        ctx.verify(() -> {
                          assertThat(escalation.kind()).isEqualTo(Escalation.REAUTHORIZATION_REQUIRED);
                          assertThat(escalation.accountId()).isEqualTo("acme-x");
                          assertThat(escalation.brandId()).isEqualTo("acme");
                          assertThat(waiting).isEqualTo(AccountStatus.NEEDS_REAUTHORIZATION);
                          for (Row row : rows.<Row>list()) {
                            assertThat(row.getString("state")).isIn("SCHEDULED", "PUBLISHING");
                            assertThat(row.getString("path")).contains("REAUTHORIZATION_REQUIRED").doesNotContain("FAILED");
                            assertThat(row.getInteger("attempts")).as("waiting is no failed attempt").isLessThanOrEqualTo(1);
                          }
                          assertThat(sentAfter).as("no call to X while the account waits").isEqualTo(sentBefore);
                        });
                        return ids;
                      })))))
              .compose(checked -> simulatorCall(vertx, "/_simulator/tokens", USER))
              .compose(pair -> vertx.eventBus().<AccountStatus>request(Platform.X.address(Addresses.REAUTHORIZE),
                  new Reauthorization("acme-x", pair.getString("access_token"), pair.getString("refresh_token"),
                      pair.getLong("expires_in"))))
              .compose(reply -> {
                ctx.verify(() -> assertThat(reply.body().status()).isEqualTo(AccountStatus.ACTIVE));
                return PipelineDb.waitUntil(vertx, () -> Future.all(ids.stream()
                        .map(id -> PipelineDb.isIn(pool, id, PostState.PUBLISHED)).toList())
                    .map(all -> all.<Boolean>list().stream().allMatch(Boolean::booleanValue)));
              })
              .compose(published -> status(vertx));
        })
        .onComplete(ctx.succeeding(finalStatus -> ctx.verify(() -> {
          assertThat(finalStatus).isEqualTo(AccountStatus.ACTIVE);
          ctx.completeNow();
        })));
  }

  private Future<String> status(Vertx vertx) {
    return pool.preparedQuery("SELECT status FROM account_tokens WHERE account_id = $1").execute(Tuple.of("acme-x"))
        .map(rows -> rows.iterator().next().getString("status"));
  }

  private Future<Long> tweetsSent(Vertx vertx) {
    WebClient web = WebClient.create(vertx);
    return web.getAbs(simulator.baseUrl() + "/_simulator/requests").addQueryParam("platform", "x").send()
        .map(response -> response.bodyAsJsonObject().getJsonArray("items").stream()
            .filter(item -> ((JsonObject) item).getString("path").endsWith("/2/tweets")).count())
        .onComplete(done -> web.close());
  }

  private Future<JsonObject> simulatorCall(Vertx vertx, String path, String user) {
    WebClient web = WebClient.create(vertx);
    return web.postAbs(simulator.baseUrl() + path)
        .sendJsonObject(new JsonObject().put("platform", "x").put("user", user))
        .map(response -> response.statusCode() == 204 ? new JsonObject() : response.bodyAsJsonObject())
        .onComplete(done -> web.close());
  }
}
