package io.chorus.pipeline.review;

import io.chorus.contracts.PostState;
import io.chorus.pipeline.post.TransitionSql;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The SQL of review: accounts' recent posts, posts waiting for a person, and people's decisions. */
public final class ReviewStore {
  /** Each account's latest posts, a few index rows per account (posts_account_recent), not all its history. */
  private static final String RECENT = """
      SELECT recent.id, a.account_id, recent.text
      FROM unnest($1::text[]) AS a(account_id)
      CROSS JOIN LATERAL (
        SELECT id, text, updated_at FROM posts
        WHERE account_id = a.account_id AND state IN ('SCHEDULED', 'PUBLISHING', 'PUBLISHED')
        ORDER BY updated_at DESC, id
        LIMIT $2
      ) recent
      ORDER BY a.account_id, recent.updated_at DESC, recent.id
      """;
  private static final String AWAIT_APPROVAL = """
      UPDATE posts SET awaiting_approval_since = now()
      WHERE id = ANY($1) AND state = 'IN_REVIEW' AND awaiting_approval_since IS NULL
      """;
  private static final String SUBJECT = """
      SELECT p.id, p.account_id, p.state, p.text, COALESCE(c.spec, '{}'::jsonb) AS spec, b.approval, b.review_rules
      FROM posts p
      LEFT JOIN campaigns c ON c.id = p.campaign_id
      JOIN brands b ON b.id = p.brand_id
      WHERE p.id = $1
      """;
  /**
   * A person's decision, with its audit row, in one statement: the audit row is written only if
   * the post was still in review, and never without the move. $1 post, $2 target state, $3 new
   * text or null, $4 detail, $5 actor, $6 audit action, $7 audit detail.
   */
  private static final String DECIDE = """
      WITH moved AS (
        UPDATE posts p SET
          state = $2::text,
          text = COALESCE($3::text, p.text),
          last_error = CASE WHEN $2::text = 'REJECTED' THEN $4::text ELSE p.last_error END,
          awaiting_approval_since = NULL,
          updated_at = now()
        WHERE p.id = $1 AND p.state = 'IN_REVIEW'
        RETURNING p.id, p.brand_id, p.platform, 'IN_REVIEW'::text AS from_state, $2::text AS to_state,
                  $4::text AS detail, p.updated_at
      ), audited AS (
        INSERT INTO audit_log (brand_id, actor, action, subject, detail, at)
        SELECT brand_id, $5, $6, id::text, $7::jsonb, updated_at FROM moved
      )
      """ + TransitionSql.RECORD_MOVED + "SELECT * FROM moved";

  private final Pool pool;

  public ReviewStore(Pool pool) {
    this.pool = pool;
  }

  /** Each account's latest {@code limit} scheduled or published posts, newest first. */
  public Future<Map<String, List<RecentPost>>> recentPosts(Collection<String> accountIds, int limit) {
    return pool.preparedQuery(RECENT)
        .execute(Tuple.of(accountIds.toArray(String[]::new), limit))
        .map(rows -> {
          Map<String, List<RecentPost>> byAccount = new HashMap<>();
          rows.forEach(row -> byAccount.computeIfAbsent(row.getString("account_id"), id -> new ArrayList<>())
              .add(new RecentPost(row.getUUID("id").toString(), row.getString("text"))));
          return byAccount;
        });
  }

  /** Notes that these posts kept every rule and now wait for a person, so review leaves them be. */
  public Future<Void> awaitApproval(List<UUID> postIds) {
    if (postIds.isEmpty()) {
      return Future.succeededFuture();
    }
    return pool.preparedQuery(AWAIT_APPROVAL).execute(Tuple.of(postIds.toArray(UUID[]::new))).mapEmpty();
  }

  /** The post a person decides on, with what its review needs; empty when there is no such post. */
  Future<Optional<Subject>> subject(UUID postId) {
    return pool.preparedQuery(SUBJECT).execute(Tuple.of(postId)).map(rows -> {
      if (rows.size() == 0) {
        return Optional.empty();
      }
      Row row = rows.iterator().next();
      return Optional.of(new Subject(postId, row.getString("account_id"), PostState.valueOf(row.getString("state")),
          row.getString("text"), (JsonObject) row.getJson("spec"),
          BrandRules.fromStored(row.getString("approval"), (JsonObject) row.getJson("review_rules"))));
    });
  }

  /** Applies a person's decision if the post is still in review; the rows are the moves that happened. */
  Future<RowSet<Row>> decide(UUID postId, PostState to, String text, String detail, String actor, String action,
      JsonObject auditDetail) {
    return pool.preparedQuery(DECIDE)
        .execute(Tuple.of(postId, to.name(), text, detail, actor, action, auditDetail));
  }

  /** A post as a person's decision needs it. */
  record Subject(UUID id, String accountId, PostState state, String text, JsonObject campaign, BrandRules rules) {}
}
