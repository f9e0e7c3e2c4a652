package io.chorus.web.stream;

import io.chorus.contracts.Platform;
import io.chorus.web.auth.Access;
import io.chorus.web.problem.FieldError;
import io.chorus.web.problem.Problem;
import io.chorus.web.problem.Problems;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * {@code GET /api/v1/stream}: opens a Server-Sent Events stream of live metrics, post state
 * changes, agent health and reports, optionally only one brand's ({@code ?brand=}) or one
 * platform's ({@code ?platform=}). A client that reconnects with {@code Last-Event-ID} gets the
 * events it missed.
 */
public final class StreamHandler implements Handler<RoutingContext> {
  /** How long browsers wait before reconnecting a dropped stream. */
  public static final long RETRY_MS = 3_000;
  /** The header browsers' EventSource sends when it reconnects. */
  public static final String LAST_EVENT_ID = "Last-Event-ID";

  private static final Pattern BRAND_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");

  private final StreamRegistry registry;
  private final int maxQueuedBytes;

  private StreamHandler(StreamRegistry registry, int maxQueuedBytes) {
    this.registry = registry;
    this.maxQueuedBytes = maxQueuedBytes;
  }

  /** A handler that registers clients in {@code registry} and drops those more than {@code maxQueuedBytes} behind. */
  public static StreamHandler create(StreamRegistry registry, int maxQueuedBytes) {
    return new StreamHandler(registry, maxQueuedBytes);
  }

  @Override
  public void handle(RoutingContext rc) {
    List<FieldError> errors = new ArrayList<>();
    String brand = blankToNull(rc.request().getParam("brand"));
    if (brand != null && !BRAND_ID.matcher(brand).matches()) {
      errors.add(new FieldError("brand", "must be a brand id (letters, digits, '_', '.', '-'; at most 64)"));
    }
    String platformParam = blankToNull(rc.request().getParam("platform"));
    Platform platform = platformParam == null ? null : Platform.find(platformParam).orElse(null);
    if (platformParam != null && platform == null) {
      errors.add(new FieldError("platform", "unknown platform '" + platformParam + "'"));
    }
    if (!errors.isEmpty()) {
      Problems.send(rc, Problem.invalidRequest(errors));
      return;
    }
    // A caller bound to a brand sees that brand's events only, whatever it asked for.
    brand = Access.listedBrand(rc, brand);
    if (brand == Access.REFUSED) {
      return;
    }
    HttpServerResponse response = rc.response()
        .setChunked(true)
        .putHeader(HttpHeaders.CONTENT_TYPE, "text/event-stream; charset=utf-8")
        .putHeader(HttpHeaders.CACHE_CONTROL, "no-cache")
        // Reverse proxies such as nginx would otherwise buffer the stream.
        .putHeader("X-Accel-Buffering", "no");
    response.setWriteQueueMaxSize(maxQueuedBytes);
    SseConnection connection = new SseConnection(response, new StreamFilter(brand, platform));
    response.closeHandler(closed -> registry.remove(connection));
    response.exceptionHandler(failure -> registry.remove(connection));
    registry.add(connection, "retry: " + RETRY_MS + "\n\n", blankToNull(rc.request().getHeader(LAST_EVENT_ID)));
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }
}
