package io.chorus.simulator.llm;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerResponse;
import java.util.Iterator;
import java.util.List;

/** Writes a stream's events one by one, {@code chunkDelayMs} apart, stopping if the client went away. */
public final class LlmTraffic {
  private final Vertx vertx;
  private final long chunkDelayMs;

  public LlmTraffic(Vertx vertx, long chunkDelayMs) {
    this.vertx = vertx;
    this.chunkDelayMs = chunkDelayMs;
  }

  /**
   * Sends each event; after {@code stallAfter} events (when non-negative) waits {@code stallMs}
   * before the rest, as a provider that stops talking mid-stream.
   */
  public void stream(HttpServerResponse response, List<String> events, int stallAfter, long stallMs) {
    send(response, events.iterator(), 0, stallAfter, stallMs);
  }

  private void send(HttpServerResponse response, Iterator<String> events, int sent, int stallAfter, long stallMs) {
    if (response.closed() || response.ended()) {
      return;
    }
    if (!events.hasNext()) {
      response.end();
      return;
    }
    response.write(events.next());
    long delay = sent + 1 == stallAfter ? stallMs : chunkDelayMs;
    if (delay > 0) {
      vertx.setTimer(delay, timer -> send(response, events, sent + 1, stallAfter, stallMs));
    } else {
      send(response, events, sent + 1, stallAfter, stallMs);
    }
  }
}
