package io.chorus.web.usage;

import io.chorus.contracts.content.UsageQuery;
import io.chorus.web.problem.FieldError;
import io.vertx.core.MultiMap;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Reads and checks the query parameters of {@code GET /api/v1/usage}: {@code brand}, {@code from}, {@code to}. */
final class UsageParams {
  private static final Pattern BRAND_ID = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$");

  private final List<FieldError> errors = new ArrayList<>();
  private final UsageQuery query;

  UsageParams(MultiMap params) {
    String brand = brand(params.get("brand"));
    LocalDate from = day("from", params.get("from"));
    LocalDate to = day("to", params.get("to"));
    if (from != null && to != null && to.isBefore(from)) {
      errors.add(new FieldError("to", "must not be before from (" + from + "), was '" + to + "'"));
    }
    this.query = new UsageQuery(brand, from, to);
  }

  /** The fields at fault; when empty, {@link #query()} is the request. */
  List<FieldError> errors() {
    return List.copyOf(errors);
  }

  UsageQuery query() {
    return query;
  }

  private String brand(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    if (!BRAND_ID.matcher(value.trim()).matches()) {
      errors.add(new FieldError("brand", "must be a brand id of letters, digits, - and _ (at most 64), was '"
          + value + "'"));
      return null;
    }
    return value.trim();
  }

  private LocalDate day(String field, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(value.trim());
    } catch (DateTimeParseException notADate) {
      errors.add(new FieldError(field, "must be a date such as 2026-11-24 (UTC days), was '" + value + "'"));
      return null;
    }
  }
}
