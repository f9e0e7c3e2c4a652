package io.chorus.pipeline;

import io.chorus.contracts.Addresses;
import io.chorus.contracts.PostState;
import io.chorus.contracts.pipeline.PlanRequest;
import io.chorus.contracts.pipeline.PlanResult;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Supplier;

/** Test plumbing for publishing tests: plan posts, force them into a state, read them back, wait. */
final class PipelineDb {
  private PipelineDb() {}

  static Future<PlanResult> plan(Vertx vertx) {
    return vertx.eventBus()
        .<PlanResult>request(Addresses.PIPELINE_PLAN, new PlanRequest("launch", Instant.now().plusSeconds(5)))
        .map(reply -> reply.body());
  }

  /** A post a node claimed and then lost: PUBLISHING with the given text and a lease already run out. */
  static Future<Void> crashedInFlight(Pool pool, String id, String text) {
    return pool.preparedQuery("UPDATE posts SET state = 'PUBLISHING', text = $2, attempts = 1, "
            + "lease_owner = 'publisher-that-crashed', lease_expires_at = now() - interval '1 second', "
            + "scheduled_at = now() WHERE id = $1::uuid")
        .execute(Tuple.of(id, text)).mapEmpty();
  }

  /** A post ready to publish now. */
  static Future<Void> dueNow(Pool pool, String id, String text) {
    return pool.preparedQuery("UPDATE posts SET state = 'SCHEDULED', text = $2, scheduled_at = now() WHERE id = $1::uuid")
        .execute(Tuple.of(id, text)).mapEmpty();
  }

  static Future<Row> post(Pool pool, String id) {
    return pool.preparedQuery("SELECT p.*, (SELECT string_agg(to_state || coalesce(':' || detail, ''), '>' ORDER BY e.id) "
            + "FROM post_events e WHERE e.post_id = p.id) AS path FROM posts p WHERE p.id = $1::uuid")
        .execute(Tuple.of(UUID.fromString(id).toString()))
        .map(rows -> rows.iterator().next());
  }

  static Future<Boolean> isIn(Pool pool, String id, PostState state) {
    return post(pool, id).map(row -> state.name().equals(row.getString("state")));
  }

  /** Polls until the condition holds, within the test's timeout. */
  static Future<Void> waitUntil(Vertx vertx, Supplier<Future<Boolean>> condition) {
    return condition.get().compose(done -> done
        ? Future.succeededFuture()
        : vertx.timer(100).compose(tick -> waitUntil(vertx, condition)));
  }
}
