package io.chorus.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.chorus.contracts.ChorusError;
import io.chorus.contracts.ErrorCode;
import io.chorus.contracts.PostState;
import io.chorus.contracts.pipeline.PostAction;
import io.chorus.contracts.pipeline.PostCommand;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

@ExtendWith(VertxExtension.class)
@Timeout(value = 60, timeUnit = TimeUnit.SECONDS)
class CommandRacesTest {
  private static final Logger LOG = LoggerFactory.getLogger(CommandRacesTest.class);
  private static final int POSTS = 50;

  private PublishingBench bench;

  @BeforeEach
  void setUp(Vertx vertx, VertxTestContext ctx) {
    // Small batches make many claims, so the cancels land before, between and during them.
    PublishingBench.start(vertx, getClass(), 5).onComplete(ctx.succeeding(started -> {
      bench = started;
      ctx.completeNow();
    }));
  }

  @AfterEach
  void tearDown(VertxTestContext ctx) {
    bench.close().onComplete(closed -> ctx.completeNow());
  }

  @Test
  @DisplayName("a cancel racing the publisher's claim either wins and the post is never published, or is refused and the post is")
  void cancelRacesClaim(Vertx vertx, VertxTestContext ctx) {
    // Each publication takes a little while, so claims keep coming while the cancels arrive.
    bench.standInPublish(request -> vertx.timer(20).mapEmpty());
    Map<UUID, Future<ErrorCode>> cancels = new HashMap<>();
    bench.schedule(POSTS, Instant.now())
        .compose(ids -> bench.startPublishing().map(started -> {
          for (int i = 0; i < ids.size(); i++) {
            cancels.put(ids.get(i), cancelAfter(vertx, ids.get(i), 1 + i * 5L));
          }
          return ids;
        }))
        .compose(ids -> Future.join(new ArrayList<>(cancels.values()))
            .compose(answered -> bench.waitUntil(() -> finalCount().map(count -> count == POSTS)))
            .compose(settled -> states()))
        .onComplete(ctx.succeeding(states -> ctx.verify(() -> {
          int cancelled = 0;
          for (Map.Entry<UUID, Future<ErrorCode>> cancel : cancels.entrySet()) {
            String id = cancel.getKey().toString();
            ErrorCode refusal = cancel.getValue().result();
            if (refusal == null) {
              cancelled++;
              assertThat(states.get(id)).as("post %s", id).isEqualTo(PostState.CANCELLED.name());
              assertThat(bench.calls(id)).as("publish calls for cancelled post %s", id).isEmpty();
            } else {
              assertThat(refusal).isEqualTo(ErrorCode.ILLEGAL_TRANSITION);
              assertThat(states.get(id)).as("post %s", id).isEqualTo(PostState.PUBLISHED.name());
              assertThat(bench.calls(id)).as("publish calls for post %s", id).hasSize(1);
            }
          }
          LOG.info("{} of {} cancels won the race against the publisher", cancelled, POSTS);
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("a rescheduled post is not published at its old time, and is published after its new one")
  void rescheduledPostWaitsForNewTime(Vertx vertx, VertxTestContext ctx) {
    bench.standInPublish(request -> Future.succeededFuture());
    Instant oldTime = Instant.now().plusMillis(1500);
    // PostgreSQL keeps microseconds; milliseconds compare equal after the round trip.
    Instant newTime = Instant.now().plusMillis(4000).truncatedTo(ChronoUnit.MILLIS);
    bench.schedule(1, oldTime).map(ids -> ids.get(0))
        .compose(id -> bench.startPublishing()
            .compose(started -> bench.command(
                new PostCommand(id.toString(), PostAction.RESCHEDULE, "ops", "launch moved", newTime)))
            .compose(rescheduled -> {
              ctx.verify(() -> {
                assertThat(rescheduled.state()).isEqualTo(PostState.SCHEDULED);
                assertThat(rescheduled.scheduledAt()).isEqualTo(newTime);
              });
              // Let the old due time pass by a good margin.
              return vertx.timer(oldTime.plusMillis(1000).toEpochMilli() - System.currentTimeMillis());
            })
            .compose(oldTimePassed -> bench.state(id))
            .compose(state -> {
              ctx.verify(() -> {
                assertThat(state).isEqualTo("SCHEDULED");
                assertThat(bench.calls(id.toString())).isEmpty();
              });
              return bench.waitForState(id, "PUBLISHED");
            })
            .compose(published -> history(id))
            .map(history -> {
              ctx.verify(() -> {
                assertThat(bench.calls(id.toString())).singleElement()
                    .satisfies(call -> assertThat(call).isAfterOrEqualTo(newTime));
                assertThat(history).containsExactly("SCHEDULED>SCHEDULED rescheduled by ops to " + newTime
                    + ": launch moved", "SCHEDULED>PUBLISHING null", "PUBLISHING>PUBLISHED null");
              });
              return history;
            }))
        .onComplete(ctx.succeedingThenComplete());
  }

  /** Cancels the post after {@code delayMs}; null when the cancel won, else the refusal's code. */
  private Future<ErrorCode> cancelAfter(Vertx vertx, UUID id, long delayMs) {
    Promise<ErrorCode> answer = Promise.promise();
    vertx.setTimer(delayMs, tick -> bench.command(new PostCommand(id.toString(), PostAction.CANCEL, "ops", null, null))
        .map(view -> (ErrorCode) null)
        .otherwise(failure -> ChorusError.from(failure).code())
        .onComplete(answer));
    return answer.future();
  }

  private Future<Integer> finalCount() {
    return bench.pool().query("SELECT count(*) FROM posts WHERE state IN ('CANCELLED', 'PUBLISHED')").execute()
        .map(rows -> rows.iterator().next().getLong(0).intValue());
  }

  private Future<Map<String, String>> states() {
    return bench.pool().query("SELECT id, state FROM posts").execute().map(rows -> {
      Map<String, String> states = new HashMap<>();
      rows.forEach(row -> states.put(row.getUUID("id").toString(), row.getString("state")));
      return states;
    });
  }

  private Future<List<String>> history(UUID id) {
    return bench.pool().preparedQuery("SELECT from_state, to_state, detail FROM post_events WHERE post_id = $1 ORDER BY id")
        .execute(Tuple.of(id))
        .map(rows -> {
          List<String> moves = new ArrayList<>();
          for (Row row : rows) {
            moves.add(row.getString("from_state") + ">" + row.getString("to_state") + " " + row.getString("detail"));
          }
          return moves;
        });
  }
}
