package io.chorus.pipeline.publishing;

import java.util.random.RandomGenerator;

/**
 * Exponential backoff with jitter. The platform's own wait (Retry-After, a rate-limit reset) is a
 * floor: Chorus never comes back earlier than the platform asked.
 */
public record Backoff(long initialMs, long maxMs, double jitter) {

  /**
   * The delay before try number {@code attempt + 1}, after try {@code attempt} (counting from 1)
   * failed and the platform asked to wait {@code platformWaitMs} (0 when it did not say).
   */
  public long delayMs(int attempt, long platformWaitMs, RandomGenerator random) {
    long exponential = initialMs << Math.min(Math.max(attempt - 1, 0), 30);
    long base = Math.max(Math.min(exponential, maxMs), platformWaitMs);
    long spread = (long) (base * jitter);
    if (platformWaitMs > 0) {
      // Only later, never earlier, than the platform's own reset.
      return base + (spread == 0 ? 0 : random.nextLong(spread + 1));
    }
    return base - spread + (spread == 0 ? 0 : random.nextLong(2 * spread + 1));
  }
}
