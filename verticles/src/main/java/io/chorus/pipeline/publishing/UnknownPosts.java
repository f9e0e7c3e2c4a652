package io.chorus.pipeline.publishing;

import io.chorus.contracts.Platform;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;

/**
 * Claims UNKNOWN posts for reconciliation. A claim is a lease on the post ({@code FOR UPDATE SKIP
 * LOCKED}, owner and expiry) without a change of state, so reconcilers on several nodes never look
 * for the same post at once; the move that settles the post clears the lease, and a post whose
 * look failed comes back once its lease runs out.
 */
final class UnknownPosts {
  /** $1 batch size, $2 lease owner, $3 lease seconds. */
  static final String CLAIM = """
      WITH due AS (
        SELECT id FROM posts
        WHERE state = 'UNKNOWN' AND (lease_expires_at IS NULL OR lease_expires_at < now())
        ORDER BY updated_at
        LIMIT $1
        FOR UPDATE SKIP LOCKED
      )
      UPDATE posts p SET
        lease_owner = $2,
        lease_expires_at = now() + make_interval(secs => $3)
      FROM due
      WHERE p.id = due.id
      RETURNING p.id, p.account_id, p.platform, p.text,
        COALESCE((SELECT min(e.at) FROM post_events e WHERE e.post_id = p.id AND e.to_state = 'PUBLISHING'),
                 p.created_at) AS not_before
      """;

  private final Pool pool;

  UnknownPosts(Pool pool) {
    this.pool = pool;
  }

  Future<List<UnknownPost>> claim(int batchSize, String owner, int leaseSeconds) {
    return pool.preparedQuery(CLAIM).execute(Tuple.of(batchSize, owner, leaseSeconds)).map(rows -> {
      List<UnknownPost> posts = new ArrayList<>(rows.size());
      for (Row row : rows) {
        posts.add(new UnknownPost(row.getUUID("id"), row.getString("account_id"), Platform.of(row.getString("platform")),
            row.getString("text"), row.getOffsetDateTime("not_before").toInstant()));
      }
      return posts;
    });
  }
}
