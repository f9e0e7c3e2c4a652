package io.chorus.ratelimit;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.Objects;

/** A rate quota: at most {@code requests} in any window of length {@code period}. */
public record Quota(int requests, Duration period) {

  public Quota {
    Objects.requireNonNull(period, "period");
    if (requests <= 0) {
      throw new IllegalArgumentException("requests must be > 0, was " + requests);
    }
    // Redis is given the period in whole milliseconds, so anything shorter would be zero.
    if (period.toMillis() < 1) {
      throw new IllegalArgumentException("period must be at least 1 ms, was " + period);
    }
  }

  /** Reads the {@code {requests, periodSeconds}} shape of {@code platforms.<p>.rateLimit}. */
  public static Quota fromJson(JsonObject json) {
    Integer requests = json.getInteger("requests");
    Long periodSeconds = json.getLong("periodSeconds");
    if (requests == null || periodSeconds == null) {
      throw new IllegalArgumentException("a rate limit needs requests and periodSeconds, got " + json.encode());
    }
    return new Quota(requests, Duration.ofSeconds(periodSeconds));
  }
}
