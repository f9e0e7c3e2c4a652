package io.chorus.platform;

import io.vertx.core.json.JsonObject;

/**
 * When a platform's circuit breaker opens and how long it stays open: the {@code circuitBreaker}
 * section of the configuration.
 *
 * @param maxFailures consecutive platform outages (5xx, timeouts, refused connections) that open it
 * @param resetMs how long it stays open before one call is let through to try the platform again
 */
public record BreakerSettings(int maxFailures, long resetMs) {

  public static BreakerSettings fromConfig(JsonObject config) {
    JsonObject section = config.getJsonObject("circuitBreaker");
    return new BreakerSettings(section.getInteger("maxFailures"), section.getLong("resetMs"));
  }
}
