package io.chorus.tenants.catalog;

import io.chorus.contracts.ChorusError;
import io.chorus.contracts.ErrorCode;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** What the catalog's stores share: the audit row every change writes, conversions, and refusals. */
final class CatalogRows {
  static final String API = "api";
  static final String CONFIG = "config";

  private static final String AUDIT = """
      INSERT INTO audit_log (brand_id, actor, action, subject, detail) VALUES ($1, $2, $3, $4, $5)""";

  private CatalogRows() {}

  /** Records who changed what, in the change's transaction. */
  static Future<Void> audit(SqlConnection connection, String brandId, String actor, String action, String subject,
      JsonObject detail) {
    return connection.preparedQuery(AUDIT)
        .execute(Tuple.of(brandId, actor == null ? "unknown" : actor, action, subject, detail))
        .mapEmpty();
  }

  /** A row the configuration declares: the API may read it but not change it. */
  static <T> Future<T> configManaged(String kind, String id) {
    return failure(ErrorCode.CONFLICT, kind + " '" + id + "' is managed by the configuration; change it there "
        + "(conf/application.yaml), or create a " + kind + " of your own through the API");
  }

  static <T> Future<T> notFound(String what) {
    return failure(ErrorCode.NOT_FOUND, "there is no " + what);
  }

  static <T> Future<T> invalid(String fieldAndWhy) {
    return failure(ErrorCode.INVALID_REQUEST, fieldAndWhy);
  }

  static <T> Future<T> failure(ErrorCode code, String message) {
    return Future.failedFuture(ChorusError.of(code, message).exception());
  }

  static boolean blank(String value) {
    return value == null || value.isBlank();
  }

  static Instant instant(OffsetDateTime at) {
    return at == null ? null : at.toInstant();
  }

  static OffsetDateTime offset(Instant at) {
    return at == null ? null : at.atOffset(ZoneOffset.UTC);
  }

  static List<String> strings(String[] values) {
    return values == null ? List.of() : Arrays.asList(values);
  }

  static List<String> strings(JsonArray values) {
    List<String> result = new ArrayList<>();
    if (values != null) {
      values.forEach(value -> result.add(String.valueOf(value)));
    }
    return result;
  }
}
