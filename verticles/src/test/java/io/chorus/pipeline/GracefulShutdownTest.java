package io.chorus.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.chorus.contracts.Addresses;
import io.chorus.contracts.Contracts;
import io.chorus.contracts.Platform;
import io.chorus.contracts.PostState;
import io.chorus.contracts.platform.PublishRequest;
import io.chorus.contracts.platform.PublishResult;
import io.chorus.pipeline.publishing.PublisherVerticle;
import io.chorus.storage.Database;
import io.chorus.storage.DatabaseOptions;
import io.chorus.testkit.TestDatabase;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import io.vertx.sqlclient.Pool;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@Timeout(value = 60, timeUnit = TimeUnit.SECONDS)
@DisplayName("A stopping publisher finishes what is in flight within the grace, or releases it to reconciliation")
class GracefulShutdownTest {
  private static final long GRACE_MS = 1_000;

  private TestDatabase database;
  private JsonObject config;
  private Pool pool;

  @BeforeEach
  void setUp(Vertx vertx, VertxTestContext ctx) {
    Contracts.registerCodecs(vertx);
    database = TestDatabase.createSchema(getClass());
    config = PipelineFixture.config(database, 1, 1);
    config.getJsonObject("pipeline").put("shutdownGraceMs", GRACE_MS);
    pool = Database.pool(vertx, DatabaseOptions.fromConfig(config));
    Database.migrate(vertx, DatabaseOptions.fromConfig(config))
        .compose(migrated -> vertx.deployVerticle(new PipelineVerticle(), new DeploymentOptions().setConfig(config)))
        .compose(deployed -> PipelineDb.plan(vertx))
        .onComplete(ctx.succeedingThenComplete());
  }

  @AfterEach
  void tearDown(Vertx vertx, VertxTestContext ctx) {
    vertx.close().onComplete(closed -> {
      database.close();
      ctx.completeNow();
    });
  }

  /**
   * The X post made due now (the LinkedIn one stays planned); the stand-in X agent answers each
   * publish after {@code replyAfterMs}.
   */
  private Future<String> dueXPost(Vertx vertx, long replyAfterMs, Promise<Void> received, AtomicInteger calls) {
    vertx.eventBus().<PublishRequest>consumer(Platform.X.address(Addresses.PUBLISH), message -> {
      calls.incrementAndGet();
      received.tryComplete();
      vertx.setTimer(replyAfterMs, tick -> reply(message));
    });
    return pool.query("SELECT id FROM posts WHERE platform = 'x'").execute()
        .map(rows -> rows.iterator().next().getUUID("id").toString())
        .compose(id -> PipelineDb.dueNow(pool, id, "Launch day #Acme").map(id));
  }

  private static void reply(Message<PublishRequest> message) {
    message.reply(new PublishResult(message.body().postId(), "ext-" + message.body().postId(), Instant.now()));
  }

  @Test
  @DisplayName("a publish that ends within the grace is recorded before the publisher stops")
  void finishesWithinTheGrace(Vertx vertx, VertxTestContext ctx) {
    Promise<Void> received = Promise.promise();
    AtomicInteger calls = new AtomicInteger();
    long[] stoppedIn = new long[1];
    dueXPost(vertx, GRACE_MS / 4, received, calls)
        .compose(id -> vertx.deployVerticle(new PublisherVerticle(), new DeploymentOptions().setConfig(config))
            .compose(deployment -> received.future().compose(sent -> {
              long start = System.currentTimeMillis();
              return vertx.undeploy(deployment).onSuccess(done -> stoppedIn[0] = System.currentTimeMillis() - start);
            }))
            .compose(stopped -> PipelineDb.post(pool, id)))
        .onComplete(ctx.succeeding(row -> ctx.verify(() -> {
          assertThat(row.getString("state")).isEqualTo(PostState.PUBLISHED.name());
          assertThat(row.getString("external_id")).startsWith("ext-");
          assertThat(calls.get()).isEqualTo(1);
          assertThat(stoppedIn[0]).isLessThan(GRACE_MS);
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("a publish still running at the end of the grace is released to UNKNOWN, never rescheduled")
  void releasesAfterTheGrace(Vertx vertx, VertxTestContext ctx) {
    Promise<Void> received = Promise.promise();
    AtomicInteger calls = new AtomicInteger();
    long[] stoppedIn = new long[1];
    dueXPost(vertx, GRACE_MS * 3, received, calls)
        .compose(id -> vertx.deployVerticle(new PublisherVerticle(), new DeploymentOptions().setConfig(config))
            .compose(deployment -> received.future().compose(sent -> {
              long start = System.currentTimeMillis();
              return vertx.undeploy(deployment).onSuccess(done -> stoppedIn[0] = System.currentTimeMillis() - start);
            }))
            .compose(stopped -> PipelineDb.post(pool, id)))
        .onComplete(ctx.succeeding(row -> ctx.verify(() -> {
          assertThat(row.getString("state")).isEqualTo(PostState.UNKNOWN.name());
          assertThat(row.getString("last_error")).isEqualTo("released at shutdown");
          assertThat(row.getString("path")).endsWith("PUBLISHING>UNKNOWN:released at shutdown");
          assertThat(row.getString("lease_owner")).isNull();
          assertThat(calls.get()).isEqualTo(1);
          assertThat(stoppedIn[0]).isBetween(GRACE_MS - 50, GRACE_MS * 2);
          ctx.completeNow();
        })));
  }
}
