package io.chorus.web.stream;

import io.chorus.contracts.Platform;
import io.chorus.web.problem.FieldError;
import io.chorus.web.problem.Problem;
import io.chorus.web.problem.Problems;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import java.util.List;

/**
 * {@code GET /api/v1/stream}: opens a Server-Sent Events stream of live metrics and post state
 * changes, optionally only those of one platform ({@code ?platform=x}).
 */
public final class StreamHandler implements Handler<RoutingContext> {
  /** How long browsers wait before reconnecting a dropped stream. */
  public static final long RETRY_MS = 3_000;

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
    String platformParam = rc.request().getParam("platform");
    Platform platform = null;
    if (platformParam != null && !platformParam.isBlank()) {
      platform = Platform.find(platformParam.trim()).orElse(null);
      if (platform == null) {
        Problems.send(rc, Problem.invalidRequest(
            List.of(new FieldError("platform", "unknown platform '" + platformParam + "'"))));
        return;
      }
    }
    HttpServerResponse response = rc.response()
        .setChunked(true)
        .putHeader(HttpHeaders.CONTENT_TYPE, "text/event-stream; charset=utf-8")
        .putHeader(HttpHeaders.CACHE_CONTROL, "no-cache")
        // Reverse proxies such as nginx would otherwise buffer the stream.
        .putHeader("X-Accel-Buffering", "no");
    response.setWriteQueueMaxSize(maxQueuedBytes);
    SseConnection connection = new SseConnection(response, platform);
    response.closeHandler(closed -> registry.remove(connection));
    response.exceptionHandler(failure -> registry.remove(connection));
    registry.add(connection, "retry: " + RETRY_MS + "\n\n");
  }
}
