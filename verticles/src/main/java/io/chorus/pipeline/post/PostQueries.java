package io.chorus.pipeline.post;

import io.chorus.contracts.ChorusError;
import io.chorus.contracts.ErrorCode;
import io.chorus.contracts.Platform;
import io.chorus.contracts.PostState;
import io.chorus.contracts.pipeline.PostCursor;
import io.chorus.contracts.pipeline.PostEvent;
import io.chorus.contracts.pipeline.PostHistory;
import io.chorus.contracts.pipeline.PostPage;
import io.chorus.contracts.pipeline.PostQuery;
import io.chorus.contracts.pipeline.PostView;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Reads posts for people and partners. */
public final class PostQueries {
  /** Newest first by (created_at, id), which never change: a cursor of the two pages stably. */
  private static final String LIST = """
      SELECT id, brand_id, campaign_id, account_id, platform, state, text, external_id, attempts,
             slot_at, scheduled_at, published_at, updated_at, last_error, created_at
      FROM posts
      WHERE ($1::text IS NULL OR state = $1) AND ($2::text IS NULL OR platform = $2)
        AND ($4::text IS NULL OR brand_id = $4) AND ($5::text IS NULL OR campaign_id = $5)
        AND ($6::timestamptz IS NULL OR (created_at, id) < ($6::timestamptz, $7::uuid))
      ORDER BY created_at DESC, id DESC
      LIMIT $3
      """;
  private static final String ONE = """
      SELECT id, brand_id, campaign_id, account_id, platform, state, text, external_id, attempts,
             slot_at, scheduled_at, published_at, updated_at, last_error
      FROM posts
      WHERE id = $1
      """;

  private static final String EVENTS = """
      SELECT id, from_state, to_state, detail, at FROM post_events WHERE post_id = $1 ORDER BY id
      """;

  private final Pool pool;

  public PostQueries(Pool pool) {
    this.pool = pool;
  }

  /** One page of posts; a cursor naming no post (or not a post id) is INVALID_REQUEST. */
  public Future<PostPage> list(PostQuery query) {
    PostCursor after = query.after();
    UUID afterId = null;
    if (after != null) {
      try {
        afterId = UUID.fromString(String.valueOf(after.postId()));
      } catch (IllegalArgumentException notAnId) {
        afterId = null;
      }
      if (afterId == null || after.createdAt() == null) {
        return Future.failedFuture(ChorusError.of(ErrorCode.INVALID_REQUEST,
            "cursor: does not name a position in the post list").exception());
      }
    }
    Tuple params = Tuple.tuple()
        .addString(query.state() == null ? null : query.state().name())
        .addString(query.platform() == null ? null : query.platform().id())
        // One more than asked tells whether another page follows.
        .addInteger(query.limit() + 1)
        .addString(query.brandId())
        .addString(query.campaignId())
        .addOffsetDateTime(after == null ? null : after.createdAt().atOffset(ZoneOffset.UTC))
        .addUUID(afterId);
    return pool.preparedQuery(LIST).execute(params).map(rows -> {
      List<PostView> items = new ArrayList<>(rows.size());
      PostCursor next = null;
      for (Row row : rows) {
        if (items.size() == query.limit()) {
          break;
        }
        items.add(view(row));
        next = new PostCursor(row.getOffsetDateTime("created_at").toInstant(), row.getUUID("id").toString());
      }
      return new PostPage(items, rows.size() > query.limit() ? next : null);
    });
  }

  /** One post; fails with NOT_FOUND when there is no such post. */
  public Future<PostView> find(UUID id) {
    return pool.preparedQuery(ONE).execute(Tuple.of(id)).compose(rows -> rows.size() == 0
        ? Future.failedFuture(ChorusError.of(ErrorCode.NOT_FOUND, "there is no post " + id).exception())
        : Future.succeededFuture(view(rows.iterator().next())));
  }

  /** One post and its history, oldest change first; fails with NOT_FOUND when there is no such post. */
  public Future<PostHistory> history(UUID id) {
    return find(id).compose(post -> pool.preparedQuery(EVENTS).execute(Tuple.of(id)).map(rows -> {
      List<PostEvent> events = new ArrayList<>(rows.size());
      for (Row row : rows) {
        String from = row.getString("from_state");
        events.add(new PostEvent(row.getLong("id"), from == null ? null : PostState.valueOf(from),
            PostState.valueOf(row.getString("to_state")), row.getString("detail"), instant(row.getOffsetDateTime("at"))));
      }
      return new PostHistory(post, events);
    }));
  }

  private static PostView view(Row row) {
    return new PostView(
        row.getUUID("id").toString(),
        row.getString("brand_id"),
        row.getString("campaign_id"),
        row.getString("account_id"),
        Platform.of(row.getString("platform")),
        PostState.valueOf(row.getString("state")),
        row.getString("text"),
        row.getString("external_id"),
        row.getInteger("attempts"),
        instant(row.getOffsetDateTime("slot_at")),
        instant(row.getOffsetDateTime("scheduled_at")),
        instant(row.getOffsetDateTime("published_at")),
        instant(row.getOffsetDateTime("updated_at")),
        row.getString("last_error"));
  }

  private static Instant instant(OffsetDateTime time) {
    return time == null ? null : time.toInstant();
  }
}
