package io.chorus.pipeline.post;

import io.chorus.contracts.Addresses;
import io.chorus.contracts.Platform;
import io.chorus.contracts.PostState;
import io.chorus.contracts.platform.PostType;
import io.chorus.contracts.pipeline.PostStateChanged;
import io.vertx.core.Future;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.json.JsonArray;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Moves posts through their state machine in batches, one round trip per batch, and announces
 * each committed move on {@link Addresses#PIPELINE_TRANSITIONS}.
 */
public final class PostTransitions {
  private final Pool pool;
  private final EventBus bus;

  public PostTransitions(Pool pool, EventBus bus) {
    this.pool = pool;
    this.bus = bus;
  }

  /** Applies the moves whose posts are still in their expected state; returns those that happened. */
  public Future<List<PostStateChanged>> apply(List<Move> moves) {
    if (moves.isEmpty()) {
      return Future.succeededFuture(List.of());
    }
    int n = moves.size();
    String[][] columns = new String[11][n];
    Boolean[] exhausted = new Boolean[n];
    for (int i = 0; i < n; i++) {
      Move m = moves.get(i);
      columns[0][i] = m.postId().toString();
      columns[1][i] = m.from().name();
      columns[2][i] = m.to().name();
      columns[3][i] = m.text();
      columns[4][i] = m.provider();
      columns[5][i] = m.externalId();
      columns[6][i] = m.scheduledAt() == null ? null : m.scheduledAt().toString();
      columns[7][i] = m.detail();
      columns[8][i] = m.attempts().name();
      columns[9][i] = m.audit() == null ? null : m.audit().actor();
      columns[10][i] = m.audit() == null ? null : m.audit().action();
      exhausted[i] = m.exhausted();
    }
    Tuple params = Tuple.tuple();
    for (int c = 0; c < 9; c++) {
      params.addArrayOfString(columns[c]);
    }
    params.addArrayOfBoolean(exhausted);
    params.addArrayOfString(columns[9]);
    params.addArrayOfString(columns[10]);
    return pool.preparedQuery(TransitionSql.MOVE).execute(params).map(this::announce);
  }

  /** Claims up to {@code batchSize} due posts with a lease owned by {@code owner}. */
  public Future<List<ClaimedPost>> claimDue(int batchSize, String owner, int leaseSeconds) {
    return pool.preparedQuery(TransitionSql.CLAIM_DUE)
        .execute(Tuple.of(batchSize, owner, leaseSeconds))
        .map(rows -> {
          announce(rows);
          return map(rows, PostTransitions::claimed);
        });
  }

  /** Turns posts whose publishing lease ran out into UNKNOWN posts. */
  public Future<List<PostStateChanged>> expireLeases(int batchSize) {
    return pool.preparedQuery(TransitionSql.EXPIRE_LEASES).execute(Tuple.of(batchSize)).map(this::announce);
  }

  /** Announces moves committed by any statement that returns the standard {@code moved} columns. */
  public List<PostStateChanged> announce(RowSet<Row> rows) {
    List<PostStateChanged> changes = map(rows, PostTransitions::change);
    changes.forEach(change -> bus.publish(Addresses.PIPELINE_TRANSITIONS, change));
    return changes;
  }

  private static PostStateChanged change(Row row) {
    String from = row.getString("from_state");
    return new PostStateChanged(
        row.getUUID("id").toString(),
        row.getString("brand_id"),
        Platform.of(row.getString("platform")),
        from == null ? null : PostState.valueOf(from),
        PostState.valueOf(row.getString("to_state")),
        row.getOffsetDateTime("updated_at").toInstant());
  }

  private static ClaimedPost claimed(Row row) {
    JsonArray media = (JsonArray) row.getJson("media");
    List<String> mediaNames = new ArrayList<>();
    if (media != null) {
      media.forEach(item -> mediaNames.add(String.valueOf(item)));
    }
    Instant scheduledAt = row.getOffsetDateTime("scheduled_at").toInstant();
    return new ClaimedPost(row.getUUID("id"), row.getString("brand_id"), row.getString("account_id"),
        Platform.of(row.getString("platform")), row.getString("text"), row.getInteger("attempts"),
        scheduledAt, mediaNames, row.getArrayOfUUIDs("media_ids") == null
            ? List.of() : List.of(row.getArrayOfUUIDs("media_ids")),
        row.getString("post_type") == null ? null : PostType.of(row.getString("post_type")),
        row.getString("in_reply_to_external_id"));
  }

  private static <T> List<T> map(RowSet<Row> rows, Function<Row, T> mapper) {
    List<T> result = new ArrayList<>(rows.size());
    rows.forEach(row -> result.add(mapper.apply(row)));
    return result;
  }
}
