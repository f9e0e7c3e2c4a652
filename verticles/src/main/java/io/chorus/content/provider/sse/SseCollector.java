package io.chorus.content.provider.sse;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.WriteStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The body of a streamed answer, as the Web Client pipes it in: split into Server-Sent Events as
 * the bytes arrive, and also kept whole (up to a bound) in case the answer was an error body
 * rather than a stream.
 */
public final class SseCollector implements WriteStream<Buffer> {
  /** Error bodies are small; a stream larger than this is not kept whole. */
  private static final int MAX_RAW_BYTES = 64 * 1024;

  private final Buffer raw = Buffer.buffer();
  private final StringBuilder pending = new StringBuilder();
  private final List<SseEvent> events = new ArrayList<>();
  private String eventName;
  private StringBuilder data;

  /** The events parsed so far, in order. */
  public List<SseEvent> events() {
    return events;
  }

  /** The body as received, when it was small enough to keep. */
  public Buffer raw() {
    return raw;
  }

  @Override
  public Future<Void> write(Buffer chunk) {
    if (raw.length() + chunk.length() <= MAX_RAW_BYTES) {
      raw.appendBuffer(chunk);
    }
    pending.append(chunk.toString(StandardCharsets.UTF_8));
    int newline;
    while ((newline = pending.indexOf("\n")) >= 0) {
      String line = pending.substring(0, newline);
      pending.delete(0, newline + 1);
      line(line.endsWith("\r") ? line.substring(0, line.length() - 1) : line);
    }
    return Future.succeededFuture();
  }

  private void line(String line) {
    if (line.isEmpty()) {
      dispatch();
    } else if (line.startsWith("event:")) {
      eventName = line.substring(6).trim();
    } else if (line.startsWith("data:")) {
      String value = line.substring(5);
      value = value.startsWith(" ") ? value.substring(1) : value;
      data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
    }
    // Comments (":") and id/retry fields mean nothing to a one-shot generation.
  }

  private void dispatch() {
    if (data != null) {
      events.add(new SseEvent(eventName, data.toString()));
    }
    eventName = null;
    data = null;
  }

  @Override
  public Future<Void> end() {
    if (!pending.isEmpty()) {
      line(pending.toString());
      pending.setLength(0);
    }
    dispatch();
    return Future.succeededFuture();
  }

  @Override
  public WriteStream<Buffer> exceptionHandler(Handler<Throwable> handler) {
    return this;
  }

  @Override
  public WriteStream<Buffer> setWriteQueueMaxSize(int maxSize) {
    return this;
  }

  @Override
  public boolean writeQueueFull() {
    return false;
  }

  @Override
  public WriteStream<Buffer> drainHandler(Handler<Void> handler) {
    return this;
  }
}
