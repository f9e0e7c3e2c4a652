package io.chorus.tenants.catalog;

import static io.chorus.tenants.catalog.CatalogRows.blank;
import static io.chorus.tenants.catalog.CatalogRows.instant;
import static io.chorus.tenants.catalog.CatalogRows.invalid;

import io.chorus.contracts.ErrorCode;
import io.chorus.contracts.tenants.Brand;
import io.chorus.contracts.tenants.BrandPage;
import io.chorus.contracts.tenants.BrandRequest;
import io.chorus.contracts.tenants.CatalogRules;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;

/**
 * Brands: listed, read, created through the API, and changed when the API created them. Banned
 * words are kept both in their column and in the review rules the review stage reads.
 */
final class BrandStore {
  private static final String COLUMNS = "id, name, time_zone, voice, banned_words, managed_by, created_at, updated_at";
  private static final String LIST = "SELECT " + COLUMNS + " FROM brands WHERE ($1::text IS NULL OR id = $1) ORDER BY id";
  private static final String GET = "SELECT " + COLUMNS + " FROM brands WHERE id = $1";
  private static final String CREATE = """
      INSERT INTO brands (id, name, time_zone, voice, banned_words, review_rules, managed_by)
      VALUES ($1, $2, $3, $4, $5, jsonb_build_object('bannedWords', to_jsonb($5::text[])), 'api')
      ON CONFLICT (id) DO NOTHING
      RETURNING\s""" + COLUMNS;
  private static final String LOCK = "SELECT managed_by FROM brands WHERE id = $1 FOR UPDATE";
  private static final String UPDATE = """
      UPDATE brands SET name = COALESCE($2, name), time_zone = COALESCE($3, time_zone), voice = COALESCE($4, voice),
        banned_words = COALESCE($5::text[], banned_words),
        review_rules = CASE WHEN $5::text[] IS NULL THEN review_rules
                            ELSE review_rules || jsonb_build_object('bannedWords', to_jsonb($5::text[])) END,
        updated_at = now()
      WHERE id = $1
      RETURNING\s""" + COLUMNS;

  private final Pool pool;

  BrandStore(Pool pool) {
    this.pool = pool;
  }

  Future<?> handle(BrandRequest request) {
    return switch (request.action()) {
      case LIST -> pool.preparedQuery(LIST).execute(Tuple.of(request.brandId())).map(rows -> {
        List<Brand> items = new ArrayList<>(rows.size());
        rows.forEach(row -> items.add(brand(row)));
        return new BrandPage(items);
      });
      case GET -> pool.preparedQuery(GET).execute(Tuple.of(request.brandId())).compose(rows -> rows.size() == 0
          ? CatalogRows.<Brand>notFound("brand '" + request.brandId() + "'")
          : Future.succeededFuture(brand(rows.iterator().next())));
      case CREATE -> create(request);
      case UPDATE -> update(request);
      case DELETE -> invalid("action: brands are not deleted through the API");
    };
  }

  private Future<Brand> create(BrandRequest request) {
    String problem = CatalogRules.idProblem(request.brandId()) != null
        ? "id: " + CatalogRules.idProblem(request.brandId())
        : blank(request.name()) ? "name: is required" : valuesProblem(request);
    if (problem != null) {
      return invalid(problem);
    }
    List<String> banned = request.bannedWords() == null ? List.of() : request.bannedWords();
    Tuple row = Tuple.tuple().addString(request.brandId()).addString(request.name().strip())
        .addString(request.timeZone() == null ? "UTC" : request.timeZone())
        .addString(request.voice() == null ? "" : request.voice())
        .addArrayOfString(banned.toArray(String[]::new));
    return pool.withTransaction(connection -> connection.preparedQuery(CREATE).execute(row).compose(rows -> {
      if (rows.size() == 0) {
        return CatalogRows.<Brand>failure(ErrorCode.CONFLICT, "a brand '" + request.brandId() + "' exists already");
      }
      Brand created = brand(rows.iterator().next());
      return CatalogRows.audit(connection, created.id(), request.actor(), "brand.create", created.id(),
          new JsonObject().put("name", created.name()).put("timeZone", created.timeZone())).map(created);
    }));
  }

  private Future<Brand> update(BrandRequest request) {
    String problem = request.name() != null && request.name().isBlank() ? "name: must not be blank" : valuesProblem(request);
    if (problem != null) {
      return invalid(problem);
    }
    Tuple changes = Tuple.tuple().addString(request.brandId())
        .addString(request.name() == null ? null : request.name().strip()).addString(request.timeZone())
        .addString(request.voice())
        .addArrayOfString(request.bannedWords() == null ? null : request.bannedWords().toArray(String[]::new));
    return pool.withTransaction(connection -> connection.preparedQuery(LOCK).execute(Tuple.of(request.brandId()))
        .compose(rows -> {
          if (rows.size() == 0) {
            return CatalogRows.<Brand>notFound("brand '" + request.brandId() + "'");
          }
          if (!CatalogRows.API.equals(rows.iterator().next().getString("managed_by"))) {
            return CatalogRows.<Brand>configManaged("brand", request.brandId());
          }
          return connection.preparedQuery(UPDATE).execute(changes).map(updated -> brand(updated.iterator().next()));
        })
        .compose(updated -> CatalogRows.audit(connection, updated.id(), request.actor(), "brand.update", updated.id(),
            changed(request)).map(updated)));
  }

  private static String valuesProblem(BrandRequest request) {
    if (request.timeZone() != null && CatalogRules.timeZoneProblem(request.timeZone()) != null) {
      return "timeZone: " + CatalogRules.timeZoneProblem(request.timeZone());
    }
    if (request.bannedWords() != null && request.bannedWords().stream().anyMatch(CatalogRows::blank)) {
      return "bannedWords: must be non-empty words or phrases";
    }
    return null;
  }

  private static JsonObject changed(BrandRequest request) {
    JsonObject detail = new JsonObject();
    if (request.name() != null) {
      detail.put("name", request.name());
    }
    if (request.timeZone() != null) {
      detail.put("timeZone", request.timeZone());
    }
    if (request.voice() != null) {
      detail.put("voice", request.voice());
    }
    if (request.bannedWords() != null) {
      detail.put("bannedWords", new JsonArray(request.bannedWords()));
    }
    return detail;
  }

  private static Brand brand(Row row) {
    return new Brand(row.getString("id"), row.getString("name"), row.getString("time_zone"), row.getString("voice"),
        CatalogRows.strings(row.getArrayOfStrings("banned_words")), row.getString("managed_by"),
        instant(row.getOffsetDateTime("created_at")), instant(row.getOffsetDateTime("updated_at")));
  }
}
