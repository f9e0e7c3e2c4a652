package io.chorus.events.inbound;

import io.chorus.pipeline.publishing.Backoff;
import io.vertx.core.json.JsonObject;

/**
 * How stored inbound events reach their platform agents: the {@code webhooks.inbound.dispatch}
 * section of the configuration.
 *
 * @param requestTimeoutMs how long the dispatcher waits for an agent's answer; an event in flight
 *     is leased for twice this long, so a dispatcher that dies leaves it due again
 * @param backoff the wait before an event whose agent did not answer is offered again
 */
public record InboundDispatchOptions(long pollIntervalMs, int batchSize, long requestTimeoutMs, Backoff backoff) {

  public static final long DEFAULT_POLL_INTERVAL_MS = 500;
  public static final int DEFAULT_BATCH_SIZE = 100;
  public static final long DEFAULT_REQUEST_TIMEOUT_MS = 10_000;
  public static final long DEFAULT_BACKOFF_INITIAL_MS = 1_000;
  public static final long DEFAULT_BACKOFF_MAX_MS = 600_000;
  /** Spreads retries of many events that failed together. */
  static final double JITTER = 0.2;

  public static InboundDispatchOptions fromConfig(JsonObject config) {
    JsonObject dispatch = section(section(section(config, "webhooks"), "inbound"), "dispatch");
    JsonObject backoff = section(dispatch, "backoff");
    return new InboundDispatchOptions(
        dispatch.getLong("pollIntervalMs", DEFAULT_POLL_INTERVAL_MS),
        dispatch.getInteger("batchSize", DEFAULT_BATCH_SIZE),
        dispatch.getLong("requestTimeoutMs", DEFAULT_REQUEST_TIMEOUT_MS),
        new Backoff(backoff.getLong("initialMs", DEFAULT_BACKOFF_INITIAL_MS),
            backoff.getLong("maxMs", DEFAULT_BACKOFF_MAX_MS), JITTER));
  }

  /** Seconds an event in flight stays claimed by one dispatcher. */
  int leaseSeconds() {
    return (int) Math.max(1, (2 * requestTimeoutMs + 999) / 1000);
  }

  private static JsonObject section(JsonObject parent, String key) {
    JsonObject child = parent.getJsonObject(key);
    return child == null ? new JsonObject() : child;
  }
}
