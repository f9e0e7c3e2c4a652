package io.chorus.simulator.llm;

import io.vertx.core.json.JsonObject;

/**
 * One injected fault: what goes wrong, for which key (null: any key), how many more requests it
 * hits (negative: until cleared), and its timing.
 *
 * @param delayMs how long a SLOW answer or a STALL waits
 * @param retryAfterSeconds the wait a RATE_LIMITED answer asks for
 */
public record Fault(FaultKind kind, String key, int remaining, long delayMs, long retryAfterSeconds) {

  /** The same fault with one use spent. */
  Fault spent() {
    return new Fault(kind, key, remaining - 1, delayMs, retryAfterSeconds);
  }

  boolean matches(String apiKey) {
    return key == null || key.equals(apiKey);
  }

  JsonObject toJson(String provider) {
    return new JsonObject().put("provider", provider).put("fault", kind.wireName()).put("key", key)
        .put("times", remaining).put("delayMs", delayMs).put("retryAfterSeconds", retryAfterSeconds);
  }
}
