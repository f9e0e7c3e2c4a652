package io.chorus.pipeline;

import io.vertx.core.json.JsonObject;

/**
 * How the pipeline paces and retries its work: the {@code pipeline} section of the configuration.
 *
 * @param shutdownGraceMs how long a stopping publisher waits for the posts in flight before it
 *     releases them to reconciliation
 * @param mediaBaseUrl where campaigns' media files are served ({@code media.baseUrl})
 * @param mediaPublicUrl where Chorus serves its stored media, {@code GET /media/{id}} ({@code media.publicUrl})
 */
public record PipelineOptions(
    long pollIntervalMs,
    int batchSize,
    int leaseSeconds,
    int maxAttempts,
    long backoffInitialMs,
    long backoffMaxMs,
    double backoffJitter,
    long requestTimeoutMs,
    long shutdownGraceMs,
    String mediaBaseUrl,
    String mediaPublicUrl) {

  /** The grace when the configuration names none: short enough for a node to stop within ten seconds. */
  public static final long DEFAULT_SHUTDOWN_GRACE_MS = 5_000;

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
        pipeline.getLong("shutdownGraceMs", DEFAULT_SHUTDOWN_GRACE_MS),
        config.getJsonObject("media").getString("baseUrl"),
        config.getJsonObject("media").getString("publicUrl", config.getJsonObject("media").getString("baseUrl")));
  }
}
