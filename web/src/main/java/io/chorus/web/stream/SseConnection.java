package io.chorus.web.stream;

import io.chorus.contracts.Platform;
import io.vertx.core.http.HttpServerResponse;

/**
 * One browser's event stream: writes Server-Sent Events frames with increasing ids, and reports
 * when the client reads too slowly to keep up.
 */
final class SseConnection {
  private final HttpServerResponse response;
  private final Platform platform;
  private long lastEventId;

  /**
   * @param platform the only platform whose post-state events this client wants, or null for all
   */
  SseConnection(HttpServerResponse response, Platform platform) {
    this.response = response;
    this.platform = platform;
  }

  /** Whether this client wants post-state events of {@code eventPlatform}. */
  boolean wants(Platform eventPlatform) {
    return platform == null || platform == eventPlatform;
  }

  /**
   * Writes one event; {@code data} must be a single line (compact JSON is).
   *
   * @return false when the client is too slow and the event was not written
   */
  boolean send(String event, String data) {
    lastEventId++;
    return write("id: " + lastEventId + "\nevent: " + event + "\ndata: " + data + "\n\n");
  }

  /** Writes a raw frame, such as a comment or a {@code retry:} line; false when the client is too slow. */
  boolean write(String frame) {
    if (response.closed() || response.ended() || response.writeQueueFull()) {
      return false;
    }
    response.write(frame);
    return true;
  }

  /**
   * Abandons the stream: resets it (on HTTP/1.1, closes the connection), so a client that fell
   * behind stops costing memory at once instead of after its queued bytes drain.
   */
  void close() {
    if (!response.closed()) {
      response.reset();
    }
  }
}
