package io.chorus.pipeline.workflow;

import io.chorus.contracts.Platform;
import io.chorus.contracts.PostState;
import io.chorus.contracts.platform.PostType;
import io.chorus.pipeline.review.BrandRules;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the posts waiting in a state, oldest first, with their campaign (none for replies) and brand. Posts waiting
 * for a person's approval are no stage's work.
 */
final class StagePosts {
  private static final String WAITING = """
      SELECT p.id, p.brand_id, p.campaign_id, p.account_id, p.platform, p.slot_at, p.text, p.post_type,
             COALESCE(c.spec, '{}'::jsonb) AS spec,
             -- A post written through the API goes out at the time asked for, not within its campaign's window.
             CASE WHEN p.written_by IS NULL THEN COALESCE(c.calendar, '{}'::jsonb) ELSE '{}'::jsonb END AS calendar,
             b.voice, b.time_zone, b.approval, b.review_rules, p.in_reply_to_external_id
      FROM posts p
      LEFT JOIN campaigns c ON c.id = p.campaign_id
      JOIN brands b ON b.id = p.brand_id
      WHERE p.state = $1 AND p.awaiting_approval_since IS NULL
      ORDER BY p.updated_at
      LIMIT $2
      """;

  private final Pool pool;

  StagePosts(Pool pool) {
    this.pool = pool;
  }

  Future<List<StagePost>> waitingIn(PostState state, int limit) {
    return pool.preparedQuery(WAITING).execute(Tuple.of(state.name(), limit)).map(rows -> {
      List<StagePost> posts = new ArrayList<>(rows.size());
      rows.forEach(row -> posts.add(post(row)));
      return posts;
    });
  }

  private static StagePost post(Row row) {
    return new StagePost(
        row.getUUID("id"),
        row.getString("brand_id"),
        row.getString("campaign_id"),
        row.getString("account_id"),
        Platform.of(row.getString("platform")),
        row.getOffsetDateTime("slot_at").toInstant(),
        row.getString("text"),
        row.getString("post_type") == null ? null : PostType.of(row.getString("post_type")),
        (JsonObject) row.getJson("spec"),
        (JsonObject) row.getJson("calendar"),
        row.getString("voice"),
        row.getString("time_zone"),
        BrandRules.fromStored(row.getString("approval"), (JsonObject) row.getJson("review_rules")),
        row.getString("in_reply_to_external_id"));
  }
}
