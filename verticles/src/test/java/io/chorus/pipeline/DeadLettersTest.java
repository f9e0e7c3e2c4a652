package io.chorus.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.chorus.contracts.Addresses;
import io.chorus.contracts.ChorusError;
import io.chorus.contracts.ErrorCode;
import io.chorus.contracts.PostState;
import io.chorus.contracts.pipeline.PostAction;
import io.chorus.contracts.pipeline.PostCommand;
import io.chorus.contracts.pipeline.PostPage;
import io.chorus.contracts.pipeline.PostQuery;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@Timeout(value = 60, timeUnit = TimeUnit.SECONDS)
class DeadLettersTest {
  private PublishingBench bench;

  @BeforeEach
  void setUp(Vertx vertx, VertxTestContext ctx) {
    PublishingBench.start(vertx, getClass(), 20).onComplete(ctx.succeeding(started -> {
      bench = started;
      ctx.completeNow();
    }));
  }

  @AfterEach
  void tearDown(VertxTestContext ctx) {
    bench.close().onComplete(closed -> ctx.completeNow());
  }

  @Test
  @DisplayName("a post out of attempts is listed as a dead letter with its reason; requeued, it is published once")
  void exhaustedPostIsRequeued(Vertx vertx, VertxTestContext ctx) {
    AtomicBoolean platformBack = new AtomicBoolean();
    bench.standInPublish(request -> platformBack.get()
        ? Future.succeededFuture()
        : Future.failedFuture(ChorusError.of(ErrorCode.PLATFORM_UNAVAILABLE, "503 from x").exception()));
    bench.schedule(1, Instant.now()).map(ids -> ids.get(0))
        .compose(id -> bench.startPublishing()
            .compose(started -> bench.waitForState(id, "FAILED"))
            .compose(failed -> Future.all(bench.row(id), deadLetters(vertx)))
            .compose(failed -> {
              ctx.verify(() -> {
                Row row = failed.resultAt(0);
                assertThat(row.getString("failure_kind")).isEqualTo("EXHAUSTED");
                assertThat(bench.calls(id.toString())).hasSize(3);
                PostPage deadLetters = failed.resultAt(1);
                assertThat(deadLetters.items()).singleElement().satisfies(post -> {
                  assertThat(post.id()).isEqualTo(id.toString());
                  assertThat(post.attempts()).isEqualTo(3);
                  assertThat(post.lastError()).isEqualTo("PLATFORM_UNAVAILABLE: 503 from x");
                  assertThat(post.updatedAt()).isNotNull();
                });
              });
              platformBack.set(true);
              return bench.command(new PostCommand(id.toString(), PostAction.REQUEUE, "ops", "x is back", null));
            })
            .compose(requeued -> {
              ctx.verify(() -> assertThat(requeued.state()).isNotEqualTo(PostState.FAILED));
              return bench.waitForState(id, "PUBLISHED");
            })
            .compose(published -> Future.all(bench.row(id), audit(id), deadLetters(vertx)))
            .map(done -> {
              ctx.verify(() -> {
                Row row = done.resultAt(0);
                assertThat(row.getInteger("attempts")).isEqualTo(1);
                assertThat(row.getString("failure_kind")).isNull();
                assertThat(bench.calls(id.toString())).hasSize(4);
                RowSet<Row> audit = done.resultAt(1);
                assertThat(audit).singleElement().satisfies(entry -> {
                  assertThat(entry.getString("actor")).isEqualTo("ops");
                  assertThat(entry.getString("action")).isEqualTo("post.requeue");
                  assertThat(entry.getJsonObject("detail").getString("detail")).isEqualTo("requeued by ops: x is back");
                });
                assertThat(((PostPage) done.resultAt(2)).items()).isEmpty();
              });
              return done;
            }))
        .onComplete(ctx.succeedingThenComplete());
  }

  @Test
  @DisplayName("a post the platform refused keeps the platform's reason; cancelled, it is never published")
  void refusedPostIsCancelled(VertxTestContext ctx) {
    bench.standInPublish(request ->
        Future.failedFuture(ChorusError.of(ErrorCode.PLATFORM_REJECTED, "422: duplicate status").exception()));
    bench.schedule(1, Instant.now()).map(ids -> ids.get(0))
        .compose(id -> bench.startPublishing()
            .compose(started -> bench.waitForState(id, "FAILED"))
            .compose(failed -> bench.row(id))
            .compose(failed -> {
              ctx.verify(() -> {
                assertThat(failed.getString("failure_kind")).isEqualTo("PERMANENT");
                assertThat(failed.getString("last_error")).isEqualTo("PLATFORM_REJECTED: 422: duplicate status");
              });
              return bench.command(new PostCommand(id.toString(), PostAction.CANCEL, "ops", null, null));
            })
            .compose(cancelled -> {
              ctx.verify(() -> assertThat(cancelled.state()).isEqualTo(PostState.CANCELLED));
              // Nothing can bring a cancelled post back.
              return bench.command(new PostCommand(id.toString(), PostAction.REQUEUE, "ops", null, null))
                  .map(view -> (Throwable) null)
                  .otherwise(failure -> failure);
            })
            .compose(refusal -> {
              ctx.verify(() -> {
                assertThat(refusal).isNotNull();
                assertThat(ChorusError.from(refusal).code()).isEqualTo(ErrorCode.ILLEGAL_TRANSITION);
                assertThat(bench.calls(id.toString())).hasSize(1);
              });
              return audit(id);
            })
            .map(audit -> {
              ctx.verify(() -> assertThat(audit).singleElement()
                  .satisfies(entry -> assertThat(entry.getString("action")).isEqualTo("post.cancel")));
              return audit;
            }))
        .onComplete(ctx.succeedingThenComplete());
  }

  @Test
  @DisplayName("commands on unknown posts, without an actor, or rescheduling into the past are refused with a typed error")
  void badCommandsAreRefused(VertxTestContext ctx) {
    bench.schedule(1, Instant.now().plusSeconds(600)).map(ids -> ids.get(0).toString())
        .compose(id -> Future.all(
            failure(new PostCommand(UUID.randomUUID().toString(), PostAction.CANCEL, "ops", null, null)),
            failure(new PostCommand("not-a-post", PostAction.CANCEL, "ops", null, null)),
            failure(new PostCommand(id, PostAction.CANCEL, " ", null, null)),
            failure(new PostCommand(id, PostAction.RESCHEDULE, "ops", null, Instant.now().minusSeconds(1))),
            failure(new PostCommand(id, PostAction.REQUEUE, "ops", null, null))))
        .onComplete(ctx.succeeding(codes -> ctx.verify(() -> {
          assertThat(codes.<ErrorCode>list()).containsExactly(ErrorCode.NOT_FOUND, ErrorCode.NOT_FOUND,
              ErrorCode.INVALID_REQUEST, ErrorCode.INVALID_REQUEST, ErrorCode.ILLEGAL_TRANSITION);
          ctx.completeNow();
        })));
  }

  private Future<ErrorCode> failure(PostCommand command) {
    return bench.command(command).map(view -> ErrorCode.INTERNAL)
        .otherwise(failure -> ChorusError.from(failure).code());
  }

  private static Future<PostPage> deadLetters(Vertx vertx) {
    return vertx.eventBus()
        .<PostPage>request(Addresses.PIPELINE_QUERY, new PostQuery(PostState.FAILED, null, 50))
        .map(reply -> reply.body());
  }

  private Future<RowSet<Row>> audit(UUID id) {
    return bench.pool().preparedQuery("SELECT * FROM audit_log WHERE subject = $1 ORDER BY id")
        .execute(Tuple.of(id.toString()));
  }
}
