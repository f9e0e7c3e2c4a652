package io.chorus.pipeline.command;

import io.chorus.contracts.ChorusError;
import io.chorus.contracts.ErrorCode;
import io.chorus.contracts.Platform;
import io.chorus.contracts.pipeline.PostCreate;
import io.chorus.contracts.pipeline.PostView;
import io.chorus.pipeline.post.PostQueries;
import io.chorus.pipeline.post.PostTransitions;
import io.chorus.pipeline.post.TransitionSql;
import io.vertx.core.Future;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

/**
 * A post a partner or editor wrote, entering the pipeline GENERATED: its text is there already, so
 * it skips generation but is still fitted to its platform, reviewed by the brand's rules (and a
 * person, if the brand asks), and scheduled. Its first history entry and an audit row name who
 * wrote it. The account, and the campaign if one is named, must be the brand's.
 */
public final class PostCreation {
  /** The platforms that cannot post without an image or video. */
  private static final Set<Platform> NEED_MEDIA = EnumSet.of(Platform.INSTAGRAM, Platform.TIKTOK);

  /** $1 brand, $2 account, $3 campaign. */
  private static final String TARGETS = """
      SELECT b.id AS brand_id, a.platform, a.status, c.id AS campaign_id,
             COALESCE(jsonb_array_length(c.spec -> 'media'), 0) AS campaign_media
      FROM brands b
      LEFT JOIN accounts a ON a.id = $2 AND a.brand_id = b.id AND a.status <> 'DELETED'
      LEFT JOIN campaigns c ON c.id = $3 AND c.brand_id = b.id
      WHERE b.id = $1
      """;
  /** $1 brand, $2 campaign, $3 account, $4 platform, $5 slot, $6 text, $7 media, $8 actor, $9 detail. */
  private static final String CREATE = """
      WITH moved AS (
        INSERT INTO posts (brand_id, campaign_id, account_id, platform, slot_at, state, text, media_url, written_by)
        VALUES ($1, $2, $3, $4, $5, 'GENERATED', $6, $7, $8)
        RETURNING id, brand_id, platform, NULL::text AS from_state, state AS to_state, $9::text AS detail, updated_at
      ), audited AS (
        INSERT INTO audit_log (brand_id, actor, action, subject, detail, at)
        SELECT brand_id, $8, 'post.create', id::text,
               jsonb_build_object('accountId', $3::text, 'campaignId', $2::text, 'scheduledAt', $5::timestamptz),
               updated_at
        FROM moved
      )
      """ + TransitionSql.RECORD_MOVED + "SELECT * FROM moved";

  private final Pool pool;
  private final PostTransitions transitions;
  private final PostQueries queries;

  public PostCreation(Pool pool, PostTransitions transitions, PostQueries queries) {
    this.pool = pool;
    this.transitions = transitions;
    this.queries = queries;
  }

  /** Creates the post, announces it, and answers it as the post list shows it. */
  public Future<PostView> create(PostCreate request, Instant now) {
    String invalid = invalidity(request);
    if (invalid != null) {
      return failure(ErrorCode.INVALID_REQUEST, invalid);
    }
    return pool.preparedQuery(TARGETS).execute(Tuple.of(request.brandId(), request.accountId(), request.campaignId()))
        .compose(rows -> {
          ChorusError refusal = rows.size() == 0
              ? ChorusError.of(ErrorCode.INVALID_REQUEST, "brandId: there is no brand '" + request.brandId() + "'")
              : refusal(request, rows.iterator().next());
          return refusal != null
              ? Future.failedFuture(refusal.exception())
              : insert(request, Platform.of(rows.iterator().next().getString("platform")), now);
        });
  }

  private Future<PostView> insert(PostCreate request, Platform platform, Instant now) {
    Instant slot = request.scheduledAt() == null || request.scheduledAt().isBefore(now) ? now : request.scheduledAt();
    Tuple params = Tuple.tuple()
        .addString(request.brandId()).addString(request.campaignId()).addString(request.accountId())
        .addString(platform.id()).addOffsetDateTime(slot.atOffset(ZoneOffset.UTC)).addString(request.text())
        .addString(request.mediaUrl()).addString(request.actor())
        .addString("written by " + request.actor() + " through the API");
    return pool.preparedQuery(CREATE).execute(params)
        .recover(failure -> failure instanceof PgException pg && "23505".equals(pg.getSqlState())
            ? failure(ErrorCode.CONFLICT, "account " + request.accountId() + " has a post of campaign "
                + request.campaignId() + " at " + slot + " already")
            : Future.failedFuture(failure))
        .compose(rows -> {
          UUID id = rows.iterator().next().getUUID("id");
          transitions.announce(rows);
          return queries.find(id);
        });
  }

  /** Why the brand's rows refuse the post, or null when they take it. */
  private static ChorusError refusal(PostCreate request, Row targets) {
    String platform = targets.getString("platform");
    if (platform == null) {
      return invalid("accountId: brand '" + request.brandId() + "' has no account '" + request.accountId() + "'");
    }
    if ("PAUSED".equals(targets.getString("status"))) {
      return ChorusError.of(ErrorCode.CONFLICT,
          "account " + request.accountId() + " is paused; set its status to ACTIVE to post with it");
    }
    if (request.campaignId() != null && targets.getString("campaign_id") == null) {
      return invalid("campaignId: brand '" + request.brandId() + "' has no campaign '" + request.campaignId() + "'");
    }
    if (NEED_MEDIA.contains(Platform.of(platform)) && request.mediaUrl() == null
        && targets.getInteger("campaign_media") == 0) {
      return invalid("mediaUrl: a " + platform + " post needs an image or video, and no campaign gives it one");
    }
    return null;
  }

  private static ChorusError invalid(String message) {
    return ChorusError.of(ErrorCode.INVALID_REQUEST, message);
  }

  private static String invalidity(PostCreate request) {
    if (request == null || blank(request.brandId())) {
      return "brandId: is required";
    }
    if (blank(request.accountId())) {
      return "accountId: is required";
    }
    if (blank(request.text())) {
      return "text: is required";
    }
    if (blank(request.actor())) {
      return "actor: is required, to name who wrote the post";
    }
    return null;
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }

  private static <T> Future<T> failure(ErrorCode code, String message) {
    return Future.failedFuture(ChorusError.of(code, message).exception());
  }
}
