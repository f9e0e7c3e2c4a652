package io.chorus.pipeline.workflow;

import static io.chorus.pipeline.scheduling.SchedulingFixture.curve;
import static io.chorus.pipeline.scheduling.SchedulingFixture.hours;
import static org.assertj.core.api.Assertions.assertThat;

import io.chorus.contracts.Contracts;
import io.chorus.contracts.PostState;
import io.chorus.pipeline.catalog.CatalogSync;
import io.chorus.pipeline.post.PostTransitions;
import io.chorus.pipeline.scheduling.BestTimeScheduler;
import io.chorus.pipeline.scheduling.ScheduleHistory;
import io.chorus.pipeline.scheduling.SchedulingFixture;
import io.chorus.pipeline.scheduling.SchedulingOptions;
import io.chorus.storage.Database;
import io.chorus.storage.DatabaseOptions;
import io.chorus.testkit.TestDatabase;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@Timeout(value = 30, timeUnit = TimeUnit.SECONDS)
@DisplayName("Scheduling approved posts at the best time of their slot")
class ScheduleStageTest {
  /** Wednesday 10 June 2026: 06:00 UTC is 08:00 in Paris; 00:00 UTC is 20:00 the day before in New York. */
  private static final Instant MORNING_SLOT = Instant.parse("2026-06-10T06:00:00Z");
  private static final Instant MIDNIGHT_SLOT = Instant.parse("2026-06-10T00:00:00Z");
  private static final Instant BEFORE = Instant.parse("2026-06-01T00:00:00Z");
  /** The prior of every platform: 11:00 local on weekdays is best. */
  private static final JsonObject ELEVEN_AM = curve(hours(11, 10), hours());

  private TestDatabase database;
  private Pool pool;
  private PostTransitions transitions;

  @BeforeEach
  void setUp(Vertx vertx, VertxTestContext ctx) {
    Contracts.registerCodecs(vertx);
    database = TestDatabase.createSchema(getClass());
    JsonObject config = catalog(database);
    pool = Database.pool(vertx, DatabaseOptions.fromConfig(config));
    transitions = new PostTransitions(pool, vertx.eventBus());
    Database.migrate(vertx, DatabaseOptions.fromConfig(config))
        .compose(migrated -> new CatalogSync(pool).sync(config))
        .onComplete(ctx.succeedingThenComplete());
  }

  @AfterEach
  void tearDown(VertxTestContext ctx) {
    pool.close().onComplete(closed -> {
      database.close();
      ctx.completeNow();
    });
  }

  @Test
  @DisplayName("without history the prior picks 11:00 on the brand's clock, in Paris and in New York; a platform without a window goes at its slot")
  void priorInEachBrandsTimeZone(VertxTestContext ctx) {
    Future.all(
            approved("launch", "acme-x", MORNING_SLOT),
            approved("launch", "acme-linkedin", MORNING_SLOT),
            approved("gotham-launch", "gotham-x", MIDNIGHT_SLOT))
        .compose(inserted -> schedule(SchedulingFixture.options(0, 0, 3, ELEVEN_AM), BEFORE))
        .onComplete(ctx.succeeding(times -> ctx.verify(() -> {
          assertThat(times).containsOnly(
              Map.entry("acme-x", Instant.parse("2026-06-10T09:00:00Z")),
              Map.entry("acme-linkedin", MORNING_SLOT),
              Map.entry("gotham-x", Instant.parse("2026-06-10T15:00:00Z")));
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("an account's engagement history beats the prior: posts that did well at 13:00 Paris time put the next one at 13:00")
  void historyBeatsPrior(VertxTestContext ctx) {
    // A week earlier: a strong post at 13:20 Paris time, a weak one at 11:05 (impressions are not engagement).
    published("acme-x", Instant.parse("2026-06-03T11:20:00Z"))
        .compose(strong -> samples(strong, "likes", 10, "likes", 40, "shares", 5))
        .compose(done -> published("acme-x", Instant.parse("2026-06-03T09:05:00Z")))
        .compose(weak -> samples(weak, "likes", 2, "impressions", 9000))
        .compose(done -> approved("launch", "acme-x", MORNING_SLOT))
        .compose(inserted -> schedule(SchedulingFixture.options(0, 0, 3, ELEVEN_AM), BEFORE))
        .onComplete(ctx.succeeding(times -> ctx.verify(() -> {
          assertThat(times).containsOnly(Map.entry("acme-x", Instant.parse("2026-06-10T11:00:00Z")));
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("history is read on the brand's clock across daylight saving: a hit at 02:30 winter time on the fall-back night counts for Sunday 02:00")
  void historyAcrossDaylightSaving(VertxTestContext ctx) {
    // 01:30 UTC on 25 October 2026 is the second 02:30 in Paris (UTC+1); a week later, still
    // winter time, Sunday 02:00 is 01:00 UTC. The weekend prior alone would pick 04:00.
    published("acme-x", Instant.parse("2026-10-25T01:30:00Z"))
        .compose(hit -> samples(hit, "likes", 30, "shares", 3, "likes", 50))
        .compose(done -> approved("launch", "acme-x", Instant.parse("2026-11-01T00:00:00Z")))
        .compose(inserted -> schedule(SchedulingFixture.options(0, 0, 3, curve(hours(), hours(4, 10))),
            Instant.parse("2026-10-30T00:00:00Z")))
        .onComplete(ctx.succeeding(times -> ctx.verify(() -> {
          assertThat(times).containsOnly(Map.entry("acme-x", Instant.parse("2026-11-01T01:00:00Z")));
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("an account keeps the minimum spacing from its scheduled posts and from the others of the same batch")
  void minimumSpacing(VertxTestContext ctx) {
    insert("launch", "acme-x", Instant.parse("2026-06-09T06:00:00Z"), PostState.SCHEDULED,
            Instant.parse("2026-06-10T09:00:00Z"), null)
        .compose(existing -> approved("launch", "acme-x", MORNING_SLOT))
        .compose(first -> approved("launch", "acme-x", MORNING_SLOT.plusSeconds(900)))
        .compose(second -> scheduleAll(SchedulingFixture.options(0, 1800, 3, ELEVEN_AM), BEFORE))
        .onComplete(ctx.succeeding(times -> ctx.verify(() -> {
          assertThat(times).containsExactlyInAnyOrder(
              Instant.parse("2026-06-10T09:30:00Z"), Instant.parse("2026-06-10T10:00:00Z"));
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("a post whose window has passed is due now, give or take the jitter")
  void passedWindowIsDueNow(VertxTestContext ctx) {
    Instant now = Instant.parse("2026-06-10T13:00:00Z");
    approved("launch", "acme-x", MORNING_SLOT)
        .compose(inserted -> schedule(SchedulingFixture.options(10, 0, 3, ELEVEN_AM), now))
        .onComplete(ctx.succeeding(times -> ctx.verify(() -> {
          assertThat(times.get("acme-x")).isBetween(now, now.plusSeconds(10));
          ctx.completeNow();
        })));
  }

  /** Runs the stage over the approved posts, applies its moves, and reads back each account's scheduled time. */
  private Future<Map<String, Instant>> schedule(SchedulingOptions options, Instant now) {
    return run(options, now).map(rows -> {
      Map<String, Instant> times = new HashMap<>();
      rows.forEach(row -> times.put(row.getString("account_id"), row.getOffsetDateTime("scheduled_at").toInstant()));
      return times;
    });
  }

  private Future<List<Instant>> scheduleAll(SchedulingOptions options, Instant now) {
    return run(options, now).map(rows -> rows.stream()
        .map(row -> row.getOffsetDateTime("scheduled_at").toInstant()).toList());
  }

  private Future<List<Row>> run(SchedulingOptions options, Instant now) {
    Clock clock = Clock.fixed(now, ZoneOffset.UTC);
    ScheduleStage stage = new ScheduleStage(new BestTimeScheduler(options, clock, new SplittableRandom(3)),
        new ScheduleHistory(pool, options.engagementMetrics()), clock);
    return new StagePosts(pool).waitingIn(PostState.APPROVED, 50)
        .compose(stage::work)
        .compose(transitions::apply)
        // Only the posts this stage moved have a SCHEDULED event; the test inserts others directly.
        .compose(moved -> pool.query("SELECT p.account_id, p.scheduled_at FROM posts p JOIN post_events e"
            + " ON e.post_id = p.id AND e.to_state = 'SCHEDULED' WHERE p.state = 'SCHEDULED'").execute())
        .map(rows -> {
          List<Row> list = new ArrayList<>();
          rows.forEach(list::add);
          return list;
        });
  }

  private Future<UUID> approved(String campaign, String account, Instant slotAt) {
    return insert(campaign, account, slotAt, PostState.APPROVED, null, null);
  }

  private Future<UUID> published(String account, Instant publishedAt) {
    return insert("launch", account, publishedAt.minusSeconds(3600 * 24), PostState.PUBLISHED, publishedAt,
        publishedAt);
  }

  private Future<UUID> insert(String campaign, String account, Instant slotAt, PostState state, Instant scheduledAt,
      Instant publishedAt) {
    return pool.preparedQuery("""
            INSERT INTO posts (brand_id, campaign_id, account_id, platform, slot_at, state, scheduled_at, published_at)
            SELECT a.brand_id, $1, a.id, a.platform, $3, $4, $5, $6 FROM accounts a WHERE a.id = $2
            RETURNING id
            """)
        .execute(Tuple.of(campaign, account, utc(slotAt), state.name(), utc(scheduledAt), utc(publishedAt)))
        .map(rows -> rows.iterator().next().getUUID("id"));
  }

  /** Metric samples of a post, given as name, value pairs. */
  private Future<Void> samples(UUID postId, Object... metricValuePairs) {
    List<Tuple> rows = new ArrayList<>();
    for (int i = 0; i < metricValuePairs.length; i += 2) {
      rows.add(Tuple.of(postId, metricValuePairs[i], ((Number) metricValuePairs[i + 1]).doubleValue()));
    }
    return pool.preparedQuery("""
            INSERT INTO metric_samples (brand_id, account_id, post_id, platform, metric, value, sampled_at)
            SELECT p.brand_id, p.account_id, p.id, p.platform, $2, $3, now() FROM posts p WHERE p.id = $1
            """)
        .executeBatch(rows).mapEmpty();
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }

  /** Acme in Paris on X and LinkedIn (LinkedIn posts at its slots), Gotham in New York on X. */
  private static JsonObject catalog(TestDatabase database) {
    return new JsonObject()
        .put("database", database.databaseConfig())
        .put("brands", new JsonArray()
            .add(brand("acme", "Europe/Paris", account("acme-x", "x"), account("acme-linkedin", "linkedin")))
            .add(brand("gotham", "America/New_York", account("gotham-x", "x"))))
        .put("campaigns", new JsonArray()
            .add(campaign("launch", "acme", new JsonArray().add("x").add("linkedin"), new JsonObject()
                .put("everySeconds", 3600)
                .put("windowMinutes", 360)
                .put("platforms", new JsonObject().put("linkedin", new JsonObject().put("windowMinutes", 0)))))
            .add(campaign("gotham-launch", "gotham", new JsonArray().add("x"), new JsonObject()
                .put("everySeconds", 3600)
                .put("windowMinutes", 24 * 60))));
  }

  private static JsonObject brand(String id, String timeZone, JsonObject... accounts) {
    return new JsonObject().put("id", id).put("name", id).put("timeZone", timeZone)
        .put("accounts", new JsonArray(List.of((Object[]) accounts)));
  }

  private static JsonObject account(String id, String platform) {
    return new JsonObject().put("id", id).put("platform", platform).put("handle", id).put("externalId", id);
  }

  private static JsonObject campaign(String id, String brand, JsonArray platforms, JsonObject calendar) {
    return new JsonObject().put("id", id).put("brand", brand).put("name", id).put("brief", "A launch.")
        .put("platforms", platforms).put("calendar", calendar);
  }
}
