package io.chorus.web.stream;

import io.vertx.core.http.HttpServerResponse;

/**
 * One client's event stream: writes Server-Sent Events frames, and reports when the client reads
 * too slowly to keep up.
 */
final class SseConnection {
  private final HttpServerResponse response;
  private final StreamFilter filter;

  SseConnection(HttpServerResponse response, StreamFilter filter) {
    this.response = response;
    this.filter = filter;
  }

  StreamFilter filter() {
    return filter;
  }

  /**
   * Writes one event with its id; {@code data} must be a single line (compact JSON is).
   *
   * @return false when the client is too slow and the event was not written
   */
  boolean send(String id, String event, String data) {
    return write("id: " + id + "\nevent: " + event + "\ndata: " + data + "\n\n");
  }

  /** Writes a raw frame, such as a comment or a {@code retry:} line; false when the client is too slow. */
  boolean write(String frame) {
    // The write queue is bounded (setWriteQueueMaxSize): once it is full the client is dropped,
    // so a reader that stalls costs at most that many bytes plus one event.
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
