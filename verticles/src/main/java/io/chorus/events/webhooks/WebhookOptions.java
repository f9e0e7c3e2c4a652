package io.chorus.events.webhooks;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * How partner webhooks are delivered: the {@code webhooks.outbound} section of the configuration.
 *
 * @param timeoutMs a target must answer 2xx within this long for a delivery to succeed
 * @param retryScheduleSeconds the wait before each retry after a failed attempt; a delivery whose
 *     attempts outnumber the schedule is dead-lettered
 * @param secretOverlapSeconds how long a rotated-out secret keeps signing beside the new one
 * @param allowedTargets addresses or CIDR ranges a target may resolve to although they are private,
 *     loopback, link-local or multicast (e.g. 127.0.0.1 for a receiver on the same machine)
 */
public record WebhookOptions(
    long pollIntervalMs,
    int batchSize,
    long timeoutMs,
    List<Long> retryScheduleSeconds,
    long secretOverlapSeconds,
    List<String> allowedTargets) {

  public static final long DEFAULT_POLL_INTERVAL_MS = 500;
  public static final int DEFAULT_BATCH_SIZE = 100;
  public static final long DEFAULT_TIMEOUT_MS = 15_000;
  /** Standard Webhooks' example schedule, about 31 hours in all. */
  public static final List<Long> DEFAULT_RETRY_SCHEDULE_SECONDS = List.of(5L, 300L, 1_800L, 7_200L, 18_000L,
      36_000L, 50_400L);
  public static final long DEFAULT_SECRET_OVERLAP_SECONDS = 86_400;

  public WebhookOptions {
    retryScheduleSeconds = List.copyOf(retryScheduleSeconds);
    allowedTargets = List.copyOf(allowedTargets);
  }

  public static WebhookOptions fromConfig(JsonObject config) {
    JsonObject webhooks = config.getJsonObject("webhooks", new JsonObject());
    JsonObject outbound = webhooks.getJsonObject("outbound", new JsonObject());
    JsonArray schedule = outbound.getJsonArray("retryScheduleSeconds");
    JsonArray allowed = outbound.getJsonArray("allowedTargets", new JsonArray());
    return new WebhookOptions(
        outbound.getLong("pollIntervalMs", DEFAULT_POLL_INTERVAL_MS),
        outbound.getInteger("batchSize", DEFAULT_BATCH_SIZE),
        outbound.getLong("timeoutMs", DEFAULT_TIMEOUT_MS),
        schedule == null ? DEFAULT_RETRY_SCHEDULE_SECONDS
            : schedule.stream().map(value -> ((Number) value).longValue()).toList(),
        outbound.getLong("secretOverlapSeconds", DEFAULT_SECRET_OVERLAP_SECONDS),
        allowed.stream().map(String::valueOf).toList());
  }

  /** Seconds a delivery in flight stays claimed by one sender: long enough for the target to answer. */
  int leaseSeconds() {
    return (int) Math.max(1, (2 * timeoutMs + 999) / 1000);
  }
}
