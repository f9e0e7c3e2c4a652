package io.chorus.pipeline.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.chorus.storage.Database;
import io.chorus.storage.DatabaseOptions;
import io.chorus.testkit.TestDatabase;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@Timeout(value = 30, timeUnit = TimeUnit.SECONDS)
@DisplayName("Writing the configured catalog to PostgreSQL")
class CatalogSyncTest {
  private TestDatabase database;
  private DatabaseOptions options;
  private Pool pool;

  @BeforeEach
  void setUp(Vertx vertx, VertxTestContext ctx) {
    database = TestDatabase.createSchema(getClass());
    options = DatabaseOptions.fromConfig(new JsonObject().put("database", database.databaseConfig()));
    pool = Database.pool(vertx, options);
    Database.migrate(vertx, options).onComplete(ctx.succeedingThenComplete());
  }

  @AfterEach
  void tearDown(Vertx vertx, VertxTestContext ctx) {
    pool.close().onComplete(closed -> {
      database.close();
      ctx.completeNow();
    });
  }

  @Test
  @DisplayName("a calendar's configured start and end, with or without an offset, are stored as those instants")
  void storesConfiguredCalendarBounds(VertxTestContext ctx) {
    JsonObject calendar = new JsonObject().put("everySeconds", 60)
        .put("startsAt", "2026-12-01T09:00:00Z").put("endsAt", "2026-12-02T09:00:00+01:00").put("maxSlots", 10);
    new CatalogSync(pool).sync(catalog(calendar))
        .compose(synced -> pool.query("SELECT starts_at, ends_at, max_slots FROM campaigns").execute())
        .onComplete(ctx.succeeding(rows -> ctx.verify(() -> {
          Row campaign = rows.iterator().next();
          assertThat(campaign.getOffsetDateTime("starts_at").toInstant()).isEqualTo(Instant.parse("2026-12-01T09:00:00Z"));
          assertThat(campaign.getOffsetDateTime("ends_at").toInstant()).isEqualTo(Instant.parse("2026-12-02T08:00:00Z"));
          assertThat(campaign.getInteger("max_slots")).isEqualTo(10);
          ctx.completeNow();
        })));
  }

  private static JsonObject catalog(JsonObject calendar) {
    return new JsonObject()
        .put("brands", new JsonArray().add(new JsonObject().put("id", "acme").put("name", "Acme")
            .put("timeZone", "UTC").put("accounts", new JsonArray())))
        .put("campaigns", new JsonArray().add(new JsonObject().put("id", "launch").put("brand", "acme")
            .put("name", "Launch").put("brief", "A new product.").put("platforms", new JsonArray().add("x"))
            .put("calendar", calendar)));
  }
}
