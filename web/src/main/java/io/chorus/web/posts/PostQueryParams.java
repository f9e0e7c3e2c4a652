package io.chorus.web.posts;

import io.chorus.contracts.Platform;
import io.chorus.contracts.PostState;
import io.chorus.contracts.pipeline.PostCursor;
import io.chorus.contracts.pipeline.PostQuery;
import io.chorus.web.problem.FieldError;
import io.vertx.core.MultiMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Reads and checks the query parameters of {@code GET /api/v1/posts}: {@code state},
 * {@code platform}, {@code campaign}, {@code limit} and {@code cursor}. The brand is the caller's
 * to decide (see {@code Access.listedBrand}).
 */
final class PostQueryParams {
  static final int DEFAULT_LIMIT = 50;
  static final int MAX_LIMIT = 500;

  private static final String STATES = String.join(", ",
      Arrays.stream(PostState.values()).map(Enum::name).toList());
  private static final String PLATFORMS = String.join(", ",
      Arrays.stream(Platform.values()).map(Platform::id).toList());

  private final List<FieldError> errors = new ArrayList<>();
  private final PostQuery query;

  PostQueryParams(MultiMap params) {
    this.query = new PostQuery(state(params.get("state")), platform(params.get("platform")), limit(params.get("limit")),
        null, isAbsent(params.get("campaign")) ? null : params.get("campaign").trim(), cursor(params.get("cursor")));
  }

  /** The fields at fault; when empty, {@link #query()} is the request. */
  List<FieldError> errors() {
    return List.copyOf(errors);
  }

  PostQuery query() {
    return query;
  }

  private PostState state(String value) {
    if (isAbsent(value)) {
      return null;
    }
    try {
      return PostState.valueOf(value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException unknown) {
      errors.add(new FieldError("state", "unknown state '" + value + "'; expected one of " + STATES));
      return null;
    }
  }

  private Platform platform(String value) {
    if (isAbsent(value)) {
      return null;
    }
    Platform platform = Platform.find(value.trim()).orElse(null);
    if (platform == null) {
      errors.add(new FieldError("platform", "unknown platform '" + value + "'; expected one of " + PLATFORMS));
    }
    return platform;
  }

  private PostCursor cursor(String value) {
    if (isAbsent(value)) {
      return null;
    }
    try {
      return PostCursors.decode(value);
    } catch (IllegalArgumentException notOurs) {
      errors.add(new FieldError("cursor", "is not a cursor this API gave out; use a page's nextCursor as it came, "
          + "or start again without one"));
      return null;
    }
  }

  private int limit(String value) {
    if (isAbsent(value)) {
      return DEFAULT_LIMIT;
    }
    try {
      int limit = Integer.parseInt(value.trim());
      if (limit >= 1 && limit <= MAX_LIMIT) {
        return limit;
      }
    } catch (NumberFormatException notANumber) {
      // Reported below with the same message as an out-of-range number.
    }
    errors.add(new FieldError("limit", "must be an integer from 1 to " + MAX_LIMIT + ", was '" + value + "'"));
    return DEFAULT_LIMIT;
  }

  private static boolean isAbsent(String value) {
    return value == null || value.isBlank();
  }
}
