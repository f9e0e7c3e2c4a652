package io.chorus.tenants.catalog;

import static io.chorus.tenants.catalog.CatalogRows.blank;
import static io.chorus.tenants.catalog.CatalogRows.instant;
import static io.chorus.tenants.catalog.CatalogRows.invalid;
import static io.chorus.tenants.catalog.CatalogRows.offset;

import io.chorus.contracts.ErrorCode;
import io.chorus.contracts.Platform;
import io.chorus.contracts.tenants.Campaign;
import io.chorus.contracts.tenants.CampaignCalendar;
import io.chorus.contracts.tenants.CampaignPage;
import io.chorus.contracts.tenants.CampaignRequest;
import io.chorus.contracts.tenants.CatalogRules;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

/**
 * A brand's campaigns: listed, read, created through the API and changed when the API created
 * them. A campaign is stored as the configuration's are (its brief and the rest as {@code spec}, its
 * calendar in the slot columns and {@code calendar}), so the Team Leader plans, and the pipeline
 * writes and schedules, its posts alike. A changed calendar keeps the slots planned so far.
 */
final class CampaignStore {
  private static final String COLUMNS = """
      id, brand_id, name, spec, slot_every_secs, starts_at, ends_at, max_slots, planned_slots, managed_by,
      created_at, updated_at""";
  private static final String LIST = "SELECT " + COLUMNS + " FROM campaigns WHERE brand_id = $1 ORDER BY id";
  private static final String GET = "SELECT " + COLUMNS + " FROM campaigns WHERE brand_id = $1 AND id = $2";
  private static final String LOCK = GET + " FOR UPDATE";
  private static final String BRAND = "SELECT 1 FROM brands WHERE id = $1 FOR SHARE";
  /** $1 id, $2 brand, $3 name, $4 spec, $5 every, $6 starts, $7 ends, $8 max slots, $9 calendar. */
  private static final String CREATE = """
      INSERT INTO campaigns (id, brand_id, name, spec, slot_every_secs, starts_at, ends_at, max_slots, calendar, managed_by)
      VALUES ($1, $2, $3, $4, $5, COALESCE($6::timestamptz, now()), $7, $8, $9, 'api')
      ON CONFLICT (id) DO NOTHING
      RETURNING\s""" + COLUMNS;
  private static final String UPDATE = """
      UPDATE campaigns SET name = $3, spec = $4, slot_every_secs = $5, starts_at = $6, ends_at = $7, max_slots = $8,
        calendar = $9, updated_at = now()
      WHERE id = $1 AND brand_id = $2
      RETURNING\s""" + COLUMNS;

  private final Pool pool;

  CampaignStore(Pool pool) {
    this.pool = pool;
  }

  Future<?> handle(CampaignRequest request) {
    return switch (request.action()) {
      case LIST -> pool.preparedQuery(LIST).execute(Tuple.of(request.brandId())).map(rows -> {
        List<Campaign> items = new ArrayList<>(rows.size());
        rows.forEach(row -> items.add(campaign(row)));
        return new CampaignPage(items);
      });
      case GET -> pool.preparedQuery(GET).execute(Tuple.of(request.brandId(), request.campaignId()))
          .compose(rows -> rows.size() == 0 ? notFound(request) : Future.succeededFuture(campaign(rows.iterator().next())));
      case CREATE -> create(request);
      case UPDATE -> update(request);
      case DELETE -> invalid("action: campaigns are not deleted through the API");
    };
  }

  private Future<Campaign> create(CampaignRequest request) {
    String problem = CatalogRules.idProblem(request.campaignId()) != null
        ? "id: " + CatalogRules.idProblem(request.campaignId())
        : blank(request.name()) ? "name: is required"
        : blank(request.brief()) ? "brief: is required"
        : request.platforms() == null ? "platforms: name at least one platform"
        : request.calendar() == null ? "calendar: is required, with everySeconds at least"
        : valuesProblem(request, request.calendar().startsAt() == null ? Instant.now() : request.calendar().startsAt());
    if (problem != null) {
      return invalid(problem);
    }
    JsonObject spec = spec(new JsonObject().put("id", request.campaignId()).put("brand", request.brandId()), request);
    return pool.withTransaction(connection -> connection.preparedQuery(BRAND).execute(Tuple.of(request.brandId()))
        .compose(brand -> brand.size() == 0
            ? CatalogRows.<Campaign>notFound("brand '" + request.brandId() + "'")
            : connection.preparedQuery(CREATE).execute(row(request.campaignId(), request.brandId(), request.name(),
                spec, request.calendar())).compose(rows -> rows.size() == 0
                    ? CatalogRows.<Campaign>failure(ErrorCode.CONFLICT,
                        "a campaign '" + request.campaignId() + "' exists already")
                    : Future.succeededFuture(campaign(rows.iterator().next()))))
        .compose(created -> CatalogRows.audit(connection, request.brandId(), request.actor(), "campaign.create",
            created.id(), new JsonObject().put("name", created.name())).map(created)));
  }

  private Future<Campaign> update(CampaignRequest request) {
    return pool.withTransaction(connection -> connection.preparedQuery(LOCK)
        .execute(Tuple.of(request.brandId(), request.campaignId()))
        .compose(rows -> {
          if (rows.size() == 0) {
            return notFound(request);
          }
          Row row = rows.iterator().next();
          if (!CatalogRows.API.equals(row.getString("managed_by"))) {
            return CatalogRows.<Campaign>configManaged("campaign", request.campaignId());
          }
          return change(connection, request, row);
        }));
  }

  private Future<Campaign> change(SqlConnection connection, CampaignRequest request, Row current) {
    CampaignCalendar calendar = request.calendar() == null ? campaign(current).calendar() : request.calendar();
    Instant startsAt = calendar.startsAt() == null ? instant(current.getOffsetDateTime("starts_at")) : calendar.startsAt();
    CampaignCalendar effective = new CampaignCalendar(calendar.everySeconds(), startsAt, calendar.endsAt(),
        calendar.maxSlots());
    String problem = request.name() != null && request.name().isBlank() ? "name: must not be blank"
        : request.brief() != null && request.brief().isBlank() ? "brief: must not be blank"
        : valuesProblem(request, startsAt);
    if (problem != null) {
      return invalid(problem);
    }
    String name = request.name() == null ? current.getString("name") : request.name();
    JsonObject spec = spec(((JsonObject) current.getJson("spec")).copy(), request).put("name", name);
    return connection.preparedQuery(UPDATE).execute(row(request.campaignId(), request.brandId(), name, spec, effective))
        .map(rows -> campaign(rows.iterator().next()))
        .compose(updated -> CatalogRows.audit(connection, request.brandId(), request.actor(), "campaign.update",
            updated.id(), changed(request)).map(updated));
  }

  /** What is wrong with the values given, or null; {@code startsAt} is the calendar's effective start. */
  private static String valuesProblem(CampaignRequest request, Instant startsAt) {
    if (request.platforms() != null && (request.platforms().isEmpty()
        || new HashSet<>(request.platforms()).size() != request.platforms().size())) {
      return "platforms: name at least one platform, each once";
    }
    if (request.hashtags() != null && CatalogRules.hashtagsProblem(request.hashtags()) != null) {
      return "hashtags: " + CatalogRules.hashtagsProblem(request.hashtags());
    }
    if (request.keyMessages() != null && request.keyMessages().stream().anyMatch(CatalogRows::blank)) {
      return "keyMessages: must be non-empty messages";
    }
    CampaignCalendar calendar = request.calendar();
    if (calendar != null && calendar.everySeconds() < 1) {
      return "calendar.everySeconds: must be at least 1";
    }
    if (calendar != null && calendar.maxSlots() != null && calendar.maxSlots() < 1) {
      return "calendar.maxSlots: must be at least 1";
    }
    if (calendar != null && calendar.endsAt() != null && !calendar.endsAt().isAfter(startsAt)) {
      return "calendar.endsAt: must be after the calendar starts (" + startsAt + ")";
    }
    return null;
  }

  /** The spec with the request's fields written over it, as the configuration's campaigns store theirs. */
  private static JsonObject spec(JsonObject spec, CampaignRequest request) {
    if (request.name() != null) {
      spec.put("name", request.name());
    }
    if (request.brief() != null) {
      spec.put("brief", request.brief());
    }
    if (request.keyMessages() != null) {
      spec.put("keyMessages", new JsonArray(request.keyMessages()));
    }
    if (request.hashtags() != null) {
      spec.put("hashtags", new JsonArray(request.hashtags()));
    }
    if (request.callToAction() != null) {
      spec.put("callToAction", request.callToAction());
    }
    if (request.platforms() != null) {
      spec.put("platforms", new JsonArray(request.platforms().stream().map(Platform::id).toList()));
    }
    return spec;
  }

  private static Tuple row(String id, String brandId, String name, JsonObject spec, CampaignCalendar calendar) {
    JsonObject calendarJson = new JsonObject().put("everySeconds", calendar.everySeconds());
    if (calendar.startsAt() != null) {
      calendarJson.put("startsAt", calendar.startsAt().toString());
    }
    if (calendar.endsAt() != null) {
      calendarJson.put("endsAt", calendar.endsAt().toString());
    }
    if (calendar.maxSlots() != null) {
      calendarJson.put("maxSlots", calendar.maxSlots());
    }
    return Tuple.tuple().addString(id).addString(brandId).addString(name.strip()).addValue(spec)
        .addInteger(calendar.everySeconds()).addOffsetDateTime(offset(calendar.startsAt()))
        .addOffsetDateTime(offset(calendar.endsAt())).addInteger(calendar.maxSlots()).addValue(calendarJson);
  }

  private static JsonObject changed(CampaignRequest request) {
    JsonObject detail = spec(new JsonObject(), request);
    if (request.calendar() != null) {
      detail.put("calendar", new JsonObject().put("everySeconds", request.calendar().everySeconds())
          .put("startsAt", String.valueOf(request.calendar().startsAt()))
          .put("endsAt", String.valueOf(request.calendar().endsAt())).put("maxSlots", request.calendar().maxSlots()));
    }
    return detail;
  }

  private static Campaign campaign(Row row) {
    JsonObject spec = (JsonObject) row.getJson("spec");
    List<Platform> platforms = CatalogRows.strings(spec.getJsonArray("platforms")).stream().map(Platform::of).toList();
    return new Campaign(row.getString("id"), row.getString("brand_id"), row.getString("name"),
        spec.getString("brief", ""), CatalogRows.strings(spec.getJsonArray("keyMessages")),
        CatalogRows.strings(spec.getJsonArray("hashtags")), spec.getString("callToAction"), platforms,
        new CampaignCalendar(row.getInteger("slot_every_secs"), instant(row.getOffsetDateTime("starts_at")),
            instant(row.getOffsetDateTime("ends_at")), row.getInteger("max_slots")),
        row.getInteger("planned_slots"), row.getString("managed_by"), instant(row.getOffsetDateTime("created_at")),
        instant(row.getOffsetDateTime("updated_at")));
  }

  private static <T> Future<T> notFound(CampaignRequest request) {
    return CatalogRows.notFound("campaign '" + request.campaignId() + "' in brand '" + request.brandId() + "'");
  }
}
