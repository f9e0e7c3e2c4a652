package io.chorus.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.chorus.contracts.Addresses;
import io.chorus.contracts.ChorusError;
import io.chorus.contracts.Contracts;
import io.chorus.contracts.ErrorCode;
import io.chorus.contracts.Platform;
import io.chorus.contracts.PostState;
import io.chorus.contracts.content.GenerateRequest;
import io.chorus.contracts.content.GeneratedContent;
import io.chorus.contracts.pipeline.PlanRequest;
import io.chorus.contracts.pipeline.PlanResult;
import io.chorus.contracts.pipeline.PostPage;
import io.chorus.contracts.pipeline.PostQuery;
import io.chorus.contracts.platform.OptimizeRequest;
import io.chorus.contracts.platform.OptimizedContent;
import io.chorus.contracts.platform.PublishRequest;
import io.chorus.contracts.platform.PublishResult;
import io.chorus.pipeline.post.Move;
import io.chorus.pipeline.post.PostTransitions;
import io.chorus.pipeline.publishing.PublisherVerticle;
import io.chorus.pipeline.workflow.WorkflowVerticle;
import io.chorus.storage.Database;
import io.chorus.storage.DatabaseOptions;
import io.chorus.testkit.TestDatabase;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@Timeout(value = 60, timeUnit = TimeUnit.SECONDS)
class PostLifecycleTest {
  private TestDatabase database;
  private JsonObject config;
  private Pool pool;
  /** What the stand-in platform agents were asked to publish, by post id. */
  private final Map<String, AtomicInteger> publishCalls = new ConcurrentHashMap<>();

  @BeforeEach
  void setUp(Vertx vertx, VertxTestContext ctx) {
    Contracts.registerCodecs(vertx);
    database = TestDatabase.createSchema(getClass());
    config = PipelineFixture.config(database, 2, 1);
    pool = Database.pool(vertx, DatabaseOptions.fromConfig(config));
    standInContent(vertx.eventBus());
    Database.migrate(vertx, DatabaseOptions.fromConfig(config))
        .compose(migrated -> vertx.deployVerticle(new PipelineVerticle(), new DeploymentOptions().setConfig(config)))
        .onComplete(ctx.succeedingThenComplete());
  }

  @AfterEach
  void tearDown(Vertx vertx, VertxTestContext ctx) {
    // Stop the verticles before their schema goes away.
    vertx.close().onComplete(closed -> {
      database.close();
      ctx.completeNow();
    });
  }

  @Test
  @DisplayName("planned posts go through every state to PUBLISHED, each move in their history and the outbox")
  void postsReachPublished(Vertx vertx, VertxTestContext ctx) {
    standInPlatforms(vertx.eventBus(), post -> Future.succeededFuture());
    deployWorkers(vertx)
        .compose(deployed -> plan(vertx))
        .compose(planned -> {
          ctx.verify(() -> assertThat(planned.postIds()).hasSize(4));
          return waitFor(vertx, () -> countIn(PostState.PUBLISHED), 4);
        })
        .compose(done -> pool.query("SELECT post_id, string_agg(to_state, '>' ORDER BY id) AS path "
            + "FROM post_events GROUP BY post_id").execute())
        .compose(paths -> {
          ctx.verify(() -> {
            assertThat(paths).hasSize(4);
            for (Row row : paths) {
              assertThat(row.getString("path")).isEqualTo(
                  "PLANNED>GENERATED>OPTIMIZED>IN_REVIEW>APPROVED>SCHEDULED>PUBLISHING>PUBLISHED");
            }
            assertThat(publishCalls.values()).allMatch(calls -> calls.get() == 1);
          });
          return pool.query("SELECT (SELECT count(*) FROM outbox) AS outboxed, "
              + "(SELECT count(*) FROM post_events) AS events").execute();
        })
        .onComplete(ctx.succeeding(counts -> ctx.verify(() -> {
          Row row = counts.iterator().next();
          assertThat(row.getLong("outboxed")).isEqualTo(row.getLong("events")).isEqualTo(32L);
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("planning the same slots again creates no post twice")
  void planningIsIdempotent(Vertx vertx, VertxTestContext ctx) {
    plan(vertx)
        .compose(first -> plan(vertx).map(second -> List.of(first, second)))
        .onComplete(ctx.succeeding(results -> ctx.verify(() -> {
          assertThat(results.get(0).postIds()).hasSize(4);
          assertThat(results.get(1).postIds()).isEmpty();
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("a transient platform failure is retried with backoff; a permanent one fails with the platform's reason")
  void failuresRetryOrFail(Vertx vertx, VertxTestContext ctx) {
    standInPlatforms(vertx.eventBus(), post -> {
      int call = publishCalls.get(post.postId()).get();
      if (post.text().contains("linkedin")) {
        return Future.failedFuture(ChorusError.of(ErrorCode.PLATFORM_REJECTED, "422: commentary invalid").exception());
      }
      return call == 1
          ? Future.failedFuture(ChorusError.of(ErrorCode.PLATFORM_UNAVAILABLE, "503 from x").exception())
          : Future.succeededFuture();
    });
    deployWorkers(vertx)
        .compose(deployed -> plan(vertx))
        .compose(planned -> waitFor(vertx, () -> countIn(PostState.PUBLISHED).compose(published ->
            countIn(PostState.FAILED).map(failed -> published + failed)), 4))
        .compose(done -> vertx.eventBus().<PostPage>request(Addresses.PIPELINE_QUERY,
            new PostQuery(null, null, 10)))
        .onComplete(ctx.succeeding(page -> ctx.verify(() -> {
          page.body().items().forEach(post -> {
            if (post.platform() == Platform.X) {
              assertThat(post.state()).isEqualTo(PostState.PUBLISHED);
              assertThat(post.attempts()).isEqualTo(2);
              assertThat(post.externalId()).isEqualTo("ext-" + post.id());
            } else {
              assertThat(post.state()).isEqualTo(PostState.FAILED);
              assertThat(post.attempts()).isEqualTo(1);
              assertThat(post.lastError()).contains("422: commentary invalid");
            }
          });
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("a post using a banned word of its brand is rejected with the word named")
  void bannedWordRejects(Vertx vertx, VertxTestContext ctx) {
    vertx.eventBus().<OptimizeRequest>consumer(Platform.X.address(Addresses.OPTIMIZE), m ->
        m.reply(new OptimizedContent("This is forbidden fruit", 23, 280, false)));
    vertx.eventBus().<OptimizeRequest>consumer(Platform.LINKEDIN.address(Addresses.OPTIMIZE), m ->
        m.reply(new OptimizedContent("Fine text", 9, 3000, false)));
    vertx.deployVerticle(new WorkflowVerticle(), new DeploymentOptions().setConfig(config))
        .compose(deployed -> plan(vertx))
        .compose(planned -> waitFor(vertx, () -> countIn(PostState.REJECTED), 2))
        .compose(done -> pool.query("SELECT DISTINCT platform, last_error FROM posts WHERE state = 'REJECTED'").execute())
        .onComplete(ctx.succeeding(rows -> ctx.verify(() -> {
          assertThat(rows).hasSize(1);
          Row row = rows.iterator().next();
          assertThat(row.getString("platform")).isEqualTo("x");
          assertThat(row.getString("last_error")).isEqualTo("banned-words: uses the banned word \"forbidden\"");
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("a move whose post is no longer in the expected state changes nothing and announces nothing")
  void staleMoveIsIgnored(Vertx vertx, VertxTestContext ctx) {
    PostTransitions transitions = new PostTransitions(pool, vertx.eventBus());
    plan(vertx)
        .compose(planned -> {
          UUID id = UUID.fromString(planned.postIds().get(0));
          // The post is PLANNED; a move that expects it GENERATED is stale and must not apply.
          return transitions.apply(List.of(Move.of(id, PostState.GENERATED, PostState.OPTIMIZED)));
        })
        .compose(moved -> countIn(PostState.OPTIMIZED).map(optimized -> List.of(moved.size(), optimized)))
        .onComplete(ctx.succeeding(counts -> ctx.verify(() -> {
          assertThat(counts).containsExactly(0, 0);
          ctx.completeNow();
        })));
  }

  private Future<PlanResult> plan(Vertx vertx) {
    return vertx.eventBus()
        .<PlanResult>request(Addresses.PIPELINE_PLAN, new PlanRequest("launch", Instant.now().plusSeconds(5)))
        .map(reply -> reply.body());
  }

  private Future<Void> deployWorkers(Vertx vertx) {
    DeploymentOptions options = new DeploymentOptions().setConfig(config);
    return vertx.deployVerticle(new WorkflowVerticle(), options)
        .compose(id -> vertx.deployVerticle(new PublisherVerticle(), options))
        .mapEmpty();
  }

  private void standInContent(EventBus bus) {
    bus.<GenerateRequest>consumer(Addresses.CONTENT_GENERATE, m ->
        m.reply(new GeneratedContent("Post for " + m.body().platform().id(), "test", "test", 0, 0, 0)));
  }

  private void standInPlatforms(EventBus bus, Function<PublishRequest, Future<Void>> outcome) {
    for (Platform platform : List.of(Platform.X, Platform.LINKEDIN)) {
      bus.<OptimizeRequest>consumer(platform.address(Addresses.OPTIMIZE), m ->
          m.reply(new OptimizedContent(m.body().text(), m.body().text().length(), 280, false)));
      bus.<PublishRequest>consumer(platform.address(Addresses.PUBLISH), m -> {
        publishCalls.computeIfAbsent(m.body().postId(), id -> new AtomicInteger()).incrementAndGet();
        outcome.apply(m.body()).onComplete(result -> {
          if (result.succeeded()) {
            m.reply(new PublishResult(m.body().postId(), "ext-" + m.body().postId(), Instant.now()));
          } else {
            ChorusError.from(result.cause()).failReply(m);
          }
        });
      });
    }
  }

  private Future<Integer> countIn(PostState state) {
    return pool.preparedQuery("SELECT count(*) FROM posts WHERE state = $1")
        .execute(Tuple.of(state.name()))
        .map(rows -> rows.iterator().next().getLong(0).intValue());
  }

  /** Polls until {@code count} reaches {@code expected}, within the test's timeout. */
  private static Future<Void> waitFor(Vertx vertx, Supplier<Future<Integer>> count, int expected) {
    return count.get().compose(now -> {
      if (now >= expected) {
        return Future.succeededFuture();
      }
      return vertx.timer(100).compose(tick -> waitFor(vertx, count, expected));
    });
  }
}
