package io.chorus.platform.engagement;

import io.chorus.contracts.platform.PlatformEvent;
import io.chorus.contracts.platform.PlatformEventHandled;
import io.chorus.pipeline.post.PostTransitions;
import io.chorus.pipeline.post.TransitionSql;
import io.chorus.platform.PlatformAccount;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

/**
 * The SQL of engagement: each platform event recorded once (by its event id, and by the comment's
 * id on the platform, so a webhook and a poll of the same comment are one event), and the reply
 * post created in the pipeline together with the event's outcome, in one statement.
 */
final class EngagementStore {
  static final String RECEIVED = "received";
  static final String FAILED = "failed";
  static final String REPLY_DRAFTED = "reply-drafted";

  private static final String RECORD = """
      INSERT INTO platform_events (event_id, brand_id, account_id, platform, kind, external_id,
                                   in_reply_to_external_id, author, text, occurred_at, body, outcome)
      VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, 'received')
      ON CONFLICT DO NOTHING
      RETURNING event_id
      """;
  /** A failed event is tried again when it arrives again. */
  private static final String RETRY_FAILED = """
      UPDATE platform_events SET outcome = 'received', detail = NULL, received_at = now()
      WHERE (event_id = $1 OR (platform = $2 AND account_id = $3 AND external_id = $4)) AND outcome = 'failed'
      RETURNING event_id
      """;
  private static final String EARLIER = """
      SELECT outcome, post_id FROM platform_events
      WHERE event_id = $1 OR (platform = $2 AND account_id = $3 AND external_id = $4)
      LIMIT 1
      """;
  private static final String FINISH = """
      UPDATE platform_events SET outcome = $2, detail = $3, handled_at = now() WHERE event_id = $1
      """;
  /** $1 post id, $2 brand, $3 account, $4 platform, $5 text, $6 provider, $7 reply target, $8 event id, $9 detail. */
  private static final String CREATE_REPLY = """
      WITH moved AS (
        INSERT INTO posts (id, brand_id, account_id, platform, slot_at, state, text, provider, in_reply_to_external_id)
        VALUES ($1::uuid, $2, $3, $4, now(), 'GENERATED', $5, $6, $7)
        RETURNING id, brand_id, platform, NULL::text AS from_state, state AS to_state, $9::text AS detail, updated_at
      )
      """ + TransitionSql.RECORD_MOVED + """
      , linked AS (
        UPDATE platform_events SET outcome = 'reply-drafted', post_id = (SELECT id FROM moved), handled_at = now()
        WHERE event_id = $8
      )
      SELECT * FROM moved
      """;

  private final Pool pool;
  private final PostTransitions transitions;

  EngagementStore(Pool pool, PostTransitions transitions) {
    this.pool = pool;
    this.transitions = transitions;
  }

  /**
   * Records the event as received; empty when this is its first delivery (or a retry of a failed
   * one), else what was done with it before.
   */
  Future<Optional<PlatformEventHandled>> record(PlatformEvent event, PlatformAccount account) {
    Tuple row = Tuple.tuple()
        .addString(event.eventId()).addString(account.brandId()).addString(account.id())
        .addString(event.platform().id()).addString(event.kind().name()).addString(event.externalId())
        .addString(event.inReplyToExternalId()).addString(event.authorHandle()).addString(event.text())
        .addOffsetDateTime(event.occurredAt() == null ? null : event.occurredAt().atOffset(ZoneOffset.UTC))
        .addString(event.body());
    Tuple same = Tuple.of(event.eventId(), event.platform().id(), account.id(), event.externalId());
    return pool.preparedQuery(RECORD).execute(row).compose(inserted -> inserted.size() > 0
        ? Future.succeededFuture(Optional.empty())
        : pool.preparedQuery(RETRY_FAILED).execute(same).compose(retried -> retried.size() > 0
            ? Future.succeededFuture(Optional.<PlatformEventHandled>empty())
            : pool.preparedQuery(EARLIER).execute(same).map(earlier -> earlier(event, earlier.iterator().next()))));
  }

  private static Optional<PlatformEventHandled> earlier(PlatformEvent event, Row row) {
    UUID postId = row.getUUID("post_id");
    return Optional.of(new PlatformEventHandled(event.eventId(), row.getString("outcome"),
        postId == null ? null : postId.toString()));
  }

  Future<Void> finish(String eventId, String outcome, String detail) {
    return pool.preparedQuery(FINISH).execute(Tuple.of(eventId, outcome, detail)).mapEmpty();
  }

  /** Creates the reply post, GENERATED with its draft, and links the event to it; announces the new post. */
  Future<String> createReply(PlatformEvent event, PlatformAccount account, UUID postId, String text, String provider) {
    Tuple params = Tuple.tuple()
        .addString(postId.toString()).addString(account.brandId()).addString(account.id())
        .addString(account.platform().id()).addString(text).addString(provider)
        .addString(event.externalId()).addString(event.eventId())
        .addString("reply to " + event.kind().name().toLowerCase(java.util.Locale.ROOT) + " " + event.externalId());
    return pool.preparedQuery(CREATE_REPLY).execute(params).map(rows -> {
      transitions.announce(rows);
      return postId.toString();
    });
  }
}
