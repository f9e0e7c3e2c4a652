package io.chorus.metrics.collect;

import io.vertx.core.json.JsonObject;

/**
 * How published posts' insights are polled, from {@code metrics.collect} of the configuration.
 * A post is read again after {@code ageFraction} of its age, but never sooner than
 * {@code intervalSeconds} nor later than {@code maxIntervalSeconds}, plus up to {@code spread} of
 * that interval at random, so posts published together drift apart; posts older than
 * {@code maxAgeDays} are no longer read.
 *
 * @param enabled whether this node polls at all
 * @param tickMs how often the collector looks for due posts when the last look found few
 * @param batchSize posts claimed per look, and the most asked of one agent in one request
 * @param requestTimeoutMs how long an agent may take to answer one collect request
 */
public record CollectOptions(
    boolean enabled,
    long tickMs,
    int batchSize,
    long intervalSeconds,
    long maxIntervalSeconds,
    double ageFraction,
    double spread,
    int maxAgeDays,
    long requestTimeoutMs) {

  public static final long DEFAULT_TICK_MS = 1_000;
  public static final int DEFAULT_BATCH_SIZE = 200;
  public static final long DEFAULT_INTERVAL_SECONDS = 300;
  public static final long DEFAULT_MAX_INTERVAL_SECONDS = 86_400;
  public static final double DEFAULT_AGE_FRACTION = 0.1;
  public static final double DEFAULT_SPREAD = 0.2;
  public static final int DEFAULT_MAX_AGE_DAYS = 30;
  public static final long DEFAULT_REQUEST_TIMEOUT_MS = 30_000;

  /** Reads {@code metrics.collect} from the whole configuration; missing keys take the defaults. */
  public static CollectOptions fromConfig(JsonObject config) {
    JsonObject collect = config.getJsonObject("metrics", new JsonObject()).getJsonObject("collect", new JsonObject());
    return new CollectOptions(
        collect.getBoolean("enabled", true),
        collect.getLong("tickMs", DEFAULT_TICK_MS),
        collect.getInteger("batchSize", DEFAULT_BATCH_SIZE),
        collect.getLong("intervalSeconds", DEFAULT_INTERVAL_SECONDS),
        collect.getLong("maxIntervalSeconds", DEFAULT_MAX_INTERVAL_SECONDS),
        collect.getDouble("ageFraction", DEFAULT_AGE_FRACTION),
        collect.getDouble("spread", DEFAULT_SPREAD),
        collect.getInteger("maxAgeDays", DEFAULT_MAX_AGE_DAYS),
        collect.getLong("requestTimeoutMs", DEFAULT_REQUEST_TIMEOUT_MS));
  }
}
