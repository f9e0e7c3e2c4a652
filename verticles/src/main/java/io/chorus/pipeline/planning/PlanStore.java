package io.chorus.pipeline.planning;

import io.chorus.contracts.ChorusError;
import io.chorus.contracts.ErrorCode;
import io.chorus.contracts.pipeline.DueCampaigns;
import io.chorus.contracts.pipeline.PlanRequest;
import io.chorus.contracts.pipeline.PlanResult;
import io.chorus.pipeline.post.PostTransitions;
import io.chorus.pipeline.post.TransitionSql;
import io.vertx.sqlclient.RowSet;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns a campaign's due calendar slots into PLANNED posts, one per slot and account of the
 * campaign's platforms, in one transaction that also advances the campaign's planned count.
 * Concurrent planners serialise on the campaign row; a slot planned twice creates nothing twice.
 */
public final class PlanStore {
  private static final String LOCK_CAMPAIGN = """
      SELECT brand_id, spec, slot_every_secs, starts_at, ends_at, max_slots, planned_slots
      FROM campaigns WHERE id = $1 FOR UPDATE
      """;
  private static final String CREATE_POSTS = """
      WITH moved AS (
        INSERT INTO posts (brand_id, campaign_id, account_id, platform, slot_at, state, post_type)
        SELECT a.brand_id, $1, a.id, a.platform, s.slot_at::timestamptz, 'PLANNED',
               CASE jsonb_typeof($5::jsonb -> a.platform)
                 WHEN 'string' THEN $5::jsonb ->> a.platform
                 WHEN 'array' THEN ($5::jsonb -> a.platform)
                   ->> (s.slot_index % jsonb_array_length($5::jsonb -> a.platform))::int
               END
        FROM unnest($2::text[], $6::int[]) AS s(slot_at, slot_index)
        CROSS JOIN accounts a
        WHERE a.brand_id = $3 AND a.status = 'ACTIVE' AND a.platform = ANY($4::text[])
        ORDER BY s.slot_at, a.platform
        ON CONFLICT (campaign_id, account_id, slot_at) DO NOTHING
        RETURNING id, brand_id, platform, NULL::text AS from_state, state AS to_state,
                  NULL::text AS detail, updated_at
      )
      """ + TransitionSql.RECORD_MOVED + "SELECT * FROM moved";
  /** Campaigns whose next slot starts by $1 and is still within their calendar; the rest have nothing to plan. */
  private static final String DUE = """
      SELECT id FROM (
        SELECT id, max_slots, planned_slots, ends_at,
               starts_at + make_interval(secs => slot_every_secs::double precision * planned_slots) AS next_slot
        FROM campaigns
      ) c
      WHERE (max_slots IS NULL OR planned_slots < max_slots) AND (ends_at IS NULL OR next_slot < ends_at)
        AND next_slot <= $1
      ORDER BY id
      """;
  private static final String ADVANCE = "UPDATE campaigns SET planned_slots = $2, updated_at = now() WHERE id = $1";

  private final Pool pool;
  private final PostTransitions transitions;

  public PlanStore(Pool pool, PostTransitions transitions) {
    this.pool = pool;
    this.transitions = transitions;
  }

  /** Plans the due slots; the new posts are announced once the transaction has committed. */
  public Future<PlanResult> plan(PlanRequest request, Instant now) {
    return pool.withTransaction(connection -> connection.preparedQuery(LOCK_CAMPAIGN)
            .execute(Tuple.of(request.campaignId()))
            .compose(rows -> {
              if (rows.size() == 0) {
                return Future.failedFuture(ChorusError.of(ErrorCode.NOT_FOUND,
                    "no campaign '" + request.campaignId() + "'").exception());
              }
              return createDuePosts(connection, request, rows.iterator().next(), now);
            }))
        .map(created -> {
          List<String> ids = new ArrayList<>();
          created.ifPresent(rows -> transitions.announce(rows).forEach(change -> ids.add(change.postId())));
          return new PlanResult(request.campaignId(), ids);
        });
  }

  /** The campaigns, configured or created through the API, with a slot to plan by {@code until}. */
  public Future<DueCampaigns> due(Instant until) {
    return pool.preparedQuery(DUE).execute(Tuple.of(until.atOffset(ZoneOffset.UTC))).map(rows -> {
      List<String> ids = new ArrayList<>(rows.size());
      rows.forEach(row -> ids.add(row.getString("id")));
      return new DueCampaigns(ids);
    });
  }

  private Future<Optional<RowSet<Row>>> createDuePosts(SqlConnection connection, PlanRequest request, Row campaign,
      Instant now) {
    CalendarSlots calendar = new CalendarSlots(
        campaign.getOffsetDateTime("starts_at").toInstant(),
        Duration.ofSeconds(campaign.getInteger("slot_every_secs")),
        instant(campaign.getOffsetDateTime("ends_at")),
        campaign.getInteger("max_slots"));
    CalendarSlots.Due due = calendar.due(campaign.getInteger("planned_slots"), now, request.until());
    if (due.plannedThrough() == campaign.getInteger("planned_slots")) {
      return Future.succeededFuture(Optional.empty());
    }
    String[] slots = due.slots().stream().map(Instant::toString).toArray(String[]::new);
    JsonObject spec = (JsonObject) campaign.getJson("spec");
    JsonArray platforms = spec.getJsonArray("platforms", new JsonArray());
    String[] platformIds = platforms.stream().map(String::valueOf).toArray(String[]::new);
    // A platform's postTypes list is rotated through slot by slot, counting from the campaign's first slot.
    Integer[] slotIndexes = due.slots().stream().map(calendar::index).toArray(Integer[]::new);
    Tuple params = Tuple.of(request.campaignId(), slots, campaign.getString("brand_id"), platformIds,
        spec.getJsonObject("postTypes", new JsonObject()), slotIndexes);
    return connection.preparedQuery(CREATE_POSTS).execute(params)
        .compose(created -> connection.preparedQuery(ADVANCE)
            .execute(Tuple.of(request.campaignId(), due.plannedThrough()))
            .map(advanced -> Optional.of(created)));
  }

  private static Instant instant(OffsetDateTime time) {
    return time == null ? null : time.toInstant();
  }
}
