package io.chorus.pipeline.catalog;

import io.chorus.pipeline.review.BrandRules;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the brands (with their review rules), accounts and campaigns of the configuration into
 * PostgreSQL, so that posts can refer to them. Idempotent: every node may run it at start-up. A
 * campaign keeps the start time it got when first seen unless the configuration names one. Rows
 * created through the API ({@code managed_by = 'api'}) are never overwritten, even when the
 * configuration declares the same id.
 */
public final class CatalogSync {
  private static final String UPSERT_BRAND = """
      INSERT INTO brands (id, name, time_zone, voice, banned_words, approval, review_rules)
      VALUES ($1, $2, $3, $4, $5, $6, $7)
      ON CONFLICT (id) DO UPDATE SET name = $2, time_zone = $3, voice = $4, banned_words = $5,
        approval = $6, review_rules = $7, updated_at = now()
      WHERE brands.managed_by = 'config'
      """;
  private static final String UPSERT_ACCOUNT = """
      INSERT INTO accounts (id, brand_id, platform, handle, external_id) VALUES ($1, $2, $3, $4, $5)
      ON CONFLICT (id) DO UPDATE SET brand_id = $2, platform = $3, handle = $4, external_id = $5,
        updated_at = now()
      WHERE accounts.managed_by = 'config'
      """;
  private static final String UPSERT_CAMPAIGN = """
      INSERT INTO campaigns (id, brand_id, name, spec, slot_every_secs, starts_at, ends_at, max_slots, calendar)
      VALUES ($1, $2, $3, $4, $5, COALESCE($6::timestamptz, now()), $7::timestamptz, $8, $9)
      ON CONFLICT (id) DO UPDATE SET brand_id = $2, name = $3, spec = $4, slot_every_secs = $5,
        starts_at = COALESCE($6::timestamptz, campaigns.starts_at), ends_at = $7::timestamptz,
        max_slots = $8, calendar = $9, updated_at = now()
      WHERE campaigns.managed_by = 'config'
      """;

  private static final String API_OWNED = """
      SELECT 'brand' AS kind, id FROM brands WHERE managed_by = 'api' AND id = ANY($1)
      UNION ALL SELECT 'account', id FROM accounts WHERE managed_by = 'api' AND id = ANY($2)
      UNION ALL SELECT 'campaign', id FROM campaigns WHERE managed_by = 'api' AND id = ANY($3)
      """;
  private static final Logger LOG = LoggerFactory.getLogger(CatalogSync.class);

  private final Pool pool;

  public CatalogSync(Pool pool) {
    this.pool = pool;
  }

  /** Upserts everything the configuration declares, in one transaction. */
  public Future<Void> sync(JsonObject config) {
    JsonArray brands = config.getJsonArray("brands", new JsonArray());
    JsonArray campaigns = config.getJsonArray("campaigns", new JsonArray());
    return pool.withTransaction(connection -> upsertBrands(connection, brands)
        .compose(done -> upsertAccounts(connection, brands))
        .compose(done -> upsertCampaigns(connection, campaigns)))
        .compose(done -> warnOfApiRows(config));
  }

  /** Says which declared ids the configuration could not write because the API owns them. */
  private Future<Void> warnOfApiRows(JsonObject config) {
    List<String> brandIds = new ArrayList<>();
    List<String> accountIds = new ArrayList<>();
    List<String> campaignIds = new ArrayList<>();
    for (JsonObject brand : objects(config.getJsonArray("brands", new JsonArray()))) {
      brandIds.add(brand.getString("id"));
      objects(brand.getJsonArray("accounts", new JsonArray())).forEach(account -> accountIds.add(account.getString("id")));
    }
    objects(config.getJsonArray("campaigns", new JsonArray())).forEach(campaign -> campaignIds.add(campaign.getString("id")));
    Tuple ids = Tuple.of(brandIds.toArray(String[]::new), accountIds.toArray(String[]::new),
        campaignIds.toArray(String[]::new));
    return pool.preparedQuery(API_OWNED).execute(ids).map(rows -> {
      rows.forEach(row -> LOG.warn("The configuration declares {} '{}', which was created through the API; "
          + "the API's row is kept and the configuration's ignored", row.getString("kind"), row.getString("id")));
      return null;
    });
  }

  private static Future<Void> upsertBrands(SqlConnection connection, JsonArray brands) {
    List<Tuple> rows = new ArrayList<>();
    for (JsonObject brand : objects(brands)) {
      BrandRules rules = BrandRules.fromBrand(brand);
      rows.add(Tuple.of(brand.getString("id"), brand.getString("name"), brand.getString("timeZone", "UTC"),
          brand.getString("voice", ""), rules.bannedWords().toArray(String[]::new), rules.approval().id(),
          rules.rulesJson()));
    }
    return batch(connection, UPSERT_BRAND, rows);
  }

  private static Future<Void> upsertAccounts(SqlConnection connection, JsonArray brands) {
    List<Tuple> rows = new ArrayList<>();
    for (JsonObject brand : objects(brands)) {
      for (JsonObject account : objects(brand.getJsonArray("accounts", new JsonArray()))) {
        rows.add(Tuple.of(account.getString("id"), brand.getString("id"), account.getString("platform"),
            account.getString("handle"), account.getString("externalId")));
      }
    }
    return batch(connection, UPSERT_ACCOUNT, rows);
  }

  private static Future<Void> upsertCampaigns(SqlConnection connection, JsonArray campaigns) {
    List<Tuple> rows = new ArrayList<>();
    for (JsonObject campaign : objects(campaigns)) {
      JsonObject calendar = campaign.getJsonObject("calendar");
      JsonObject spec = campaign.copy();
      spec.remove("calendar");
      rows.add(Tuple.tuple()
          .addString(campaign.getString("id"))
          .addString(campaign.getString("brand"))
          .addString(campaign.getString("name"))
          .addValue(spec)
          .addInteger(calendar.getInteger("everySeconds"))
          .addOffsetDateTime(instant(calendar.getString("startsAt")))
          .addOffsetDateTime(instant(calendar.getString("endsAt")))
          .addInteger(calendar.getInteger("maxSlots"))
          .addValue(calendar));
    }
    return batch(connection, UPSERT_CAMPAIGN, rows);
  }

  private static Future<Void> batch(SqlConnection connection, String sql, List<Tuple> rows) {
    if (rows.isEmpty()) {
      return Future.succeededFuture();
    }
    return connection.preparedQuery(sql).executeBatch(rows).mapEmpty();
  }

  /** The client sends a typed value for a timestamptz parameter; it does not coerce strings. */
  private static OffsetDateTime instant(String value) {
    return value == null ? null : OffsetDateTime.parse(value);
  }

  private static List<JsonObject> objects(JsonArray array) {
    List<JsonObject> result = new ArrayList<>();
    array.forEach(item -> result.add((JsonObject) item));
    return result;
  }
}
