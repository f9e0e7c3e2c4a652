package io.chorus.pipeline;

import io.vertx.core.json.JsonObject;

/** How the pipeline paces and retries its work: the {@code pipeline} section of the configuration. */
public record PipelineOptions(
    long pollIntervalMs,
    int batchSize,
    int leaseSeconds,
    int maxAttempts,
    long backoffInitialMs,
    long backoffMaxMs,
    double backoffJitter,
    long requestTimeoutMs,
    String mediaBaseUrl) {

  public static PipelineOptions fromConfig(JsonObject config) {
    JsonObject pipeline = config.getJsonObject("pipeline");
    JsonObject backoff = pipeline.getJsonObject("backoff");
    return new PipelineOptions(
        pipeline.getLong("pollIntervalMs"),
        pipeline.getInteger("batchSize"),
        pipeline.getInteger("leaseSeconds"),
        pipeline.getInteger("maxAttempts"),
        backoff.getLong("initialMs"),
        backoff.getLong("maxMs"),
        backoff.getDouble("jitter"),
        pipeline.getLong("requestTimeoutMs"),
        config.getJsonObject("media").getString("baseUrl"));
  }
}
