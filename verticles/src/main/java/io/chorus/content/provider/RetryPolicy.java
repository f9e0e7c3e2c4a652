package io.chorus.content.provider;

import java.util.concurrent.ThreadLocalRandom;

/**
 * How a provider call is retried: up to {@code maxAttempts} in all, exponential backoff from
 * {@code initialMs} capped at {@code maxMs}, each delay randomised by {@code jitter} (a fraction),
 * and never sooner than the provider's own retry-after.
 */
public record RetryPolicy(int maxAttempts, long initialMs, long maxMs, double jitter) {
  public static final RetryPolicy DEFAULT = new RetryPolicy(3, 500, 20_000, 0.2);

  /** The wait before attempt {@code attempt + 1}, after {@code attempt} attempts (1-based). */
  public long delayMs(int attempt, long retryAfterMs) {
    double exponential = Math.min(maxMs, initialMs * Math.pow(2, attempt - 1));
    double spread = exponential * jitter;
    long backoff = (long) (exponential - spread + ThreadLocalRandom.current().nextDouble() * 2 * spread);
    return Math.max(Math.max(0, backoff), retryAfterMs);
  }
}
