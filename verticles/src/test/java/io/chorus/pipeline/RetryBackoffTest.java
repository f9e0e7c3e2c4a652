package io.chorus.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.chorus.contracts.ChorusError;
import io.chorus.contracts.ErrorCode;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

@ExtendWith(VertxExtension.class)
@Timeout(value = 60, timeUnit = TimeUnit.SECONDS)
class RetryBackoffTest {
  private static final long RESET_MS = 3000;

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

  @ParameterizedTest(name = "{0}")
  @EnumSource(value = ErrorCode.class, names = {"RATE_LIMITED", "PLATFORM_UNAVAILABLE"})
  @DisplayName("a post the platform asks to come back later is not claimed again before the platform's reset time")
  void honoursResetTime(ErrorCode code, VertxTestContext ctx) {
    List<Instant> failedAt = new ArrayList<>();
    bench.standInPublish(request -> {
      if (bench.calls(request.postId()).size() == 1) {
        failedAt.add(Instant.now());
        return Future.failedFuture(ChorusError.retryAfter(code, "come back later", RESET_MS).exception());
      }
      return Future.succeededFuture();
    });
    bench.schedule(1, Instant.now())
        .map(ids -> ids.get(0))
        .compose(id -> bench.startPublishing()
            // Back in SCHEDULED with the platform's answer: the first try failed and the retry waits.
            .compose(started -> bench.waitUntil(() -> bench.row(id).map(row ->
                row.getString("state").equals("SCHEDULED") && row.getString("last_error") != null)))
            .compose(waiting -> bench.row(id))
            .compose(retrying -> bench.waitForState(id, "PUBLISHED")
                .compose(published -> Future.all(bench.row(id), claims(id)))
                .map(done -> {
                  verify(ctx, code, id, failedAt.get(0), retrying, done.resultAt(0), done.resultAt(1));
                  return done;
                })))
        .onComplete(ctx.succeedingThenComplete());
  }

  private void verify(VertxTestContext ctx, ErrorCode code, UUID id, Instant failedAt, Row retrying,
      Row published, List<Instant> claims) {
    ctx.verify(() -> {
      Instant retryAt = retrying.getOffsetDateTime("scheduled_at").toInstant();
      assertThat(retryAt).isAfterOrEqualTo(failedAt.plusMillis(RESET_MS));
      assertThat(retrying.getString("last_error")).contains(code.name(), "come back later");
      List<Instant> calls = bench.calls(id.toString());
      assertThat(calls).hasSize(2);
      assertThat(calls.get(1)).isAfterOrEqualTo(retryAt);
      // The second claim, as the post's history records it, came no earlier than the reset either.
      assertThat(claims).hasSize(2);
      assertThat(claims.get(1)).isAfterOrEqualTo(retryAt);
      // A spent quota is not the post's fault, so that try is given back; an outage's try counts.
      assertThat(published.getInteger("attempts")).isEqualTo(code == ErrorCode.RATE_LIMITED ? 1 : 2);
    });
  }

  /** When the post was claimed for publishing, from its history. */
  private Future<List<Instant>> claims(UUID id) {
    return bench.pool().preparedQuery(
            "SELECT at FROM post_events WHERE post_id = $1 AND to_state = 'PUBLISHING' ORDER BY id")
        .execute(Tuple.of(id))
        .map(rows -> {
          List<Instant> times = new ArrayList<>();
          rows.forEach(row -> times.add(row.getOffsetDateTime("at").toInstant()));
          return times;
        });
  }
}
