package io.chorus.web;

import io.chorus.ratelimit.Quota;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.Objects;

/**
 * What the web verticle needs from the Chorus configuration: where to listen, how much to
 * accept, who may call the API, and how Server-Sent Events and bus requests behave.
 *
 * @param authRequired whether API requests must carry an API token (or a session); false opens the
 *     API to anyone who can reach it, which only a local demo or test should do
 * @param tokenQuota how many requests each API token may make, across the cluster
 * @param requestTimeoutMs how long an API request waits for another verticle over the bus
 * @param readinessTimeoutMs how long a readiness probe waits for each component it asks
 * @param replayBufferSize how many recent events a node keeps for event-stream clients that resume
 * @param agentHealthIntervalMs how often the agents' health is asked for and streamed
 */
public record WebOptions(
    String host,
    int port,
    int maxBodyBytes,
    boolean authRequired,
    Quota tokenQuota,
    long heartbeatMs,
    int maxQueuedBytes,
    int replayBufferSize,
    long agentHealthIntervalMs,
    long requestTimeoutMs,
    long readinessTimeoutMs) {

  public static final int DEFAULT_MAX_BODY_BYTES = 1_048_576;
  public static final Quota DEFAULT_TOKEN_QUOTA = new Quota(600, Duration.ofMinutes(1));
  public static final long DEFAULT_HEARTBEAT_MS = 15_000;
  public static final int DEFAULT_MAX_QUEUED_BYTES = 262_144;
  public static final int DEFAULT_REPLAY_BUFFER_SIZE = 1_000;
  public static final long DEFAULT_AGENT_HEALTH_INTERVAL_MS = 10_000;
  public static final long DEFAULT_REQUEST_TIMEOUT_MS = 10_000;
  public static final long DEFAULT_READINESS_TIMEOUT_MS = 2_000;

  public WebOptions {
    if (host == null || host.isBlank()) {
      throw new IllegalArgumentException("http.host is required");
    }
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("http.port must be 0..65535, was " + port);
    }
    Objects.requireNonNull(tokenQuota, "auth.rateLimit");
    requirePositive("http.maxBodyBytes", maxBodyBytes);
    requirePositive("sse.heartbeatMs", heartbeatMs);
    requirePositive("sse.maxQueuedBytes", maxQueuedBytes);
    requirePositive("sse.replayBufferSize", replayBufferSize);
    requirePositive("sse.agentHealthIntervalMs", agentHealthIntervalMs);
    requirePositive("http.requestTimeoutMs", requestTimeoutMs);
    requirePositive("http.readinessTimeoutMs", readinessTimeoutMs);
  }

  /** The options from the whole Chorus configuration (sections {@code http}, {@code auth} and {@code sse}). */
  public static WebOptions fromJson(JsonObject wholeConfig) {
    JsonObject http = section(wholeConfig, "http");
    JsonObject auth = section(wholeConfig, "auth");
    JsonObject sse = section(wholeConfig, "sse");
    Integer port = http.getInteger("port");
    if (port == null) {
      throw new IllegalArgumentException("http.port is required");
    }
    return new WebOptions(
        http.getString("host"),
        port,
        http.getInteger("maxBodyBytes", DEFAULT_MAX_BODY_BYTES),
        auth.getBoolean("required", true),
        tokenQuota(auth.getJsonObject("rateLimit")),
        sse.getLong("heartbeatMs", DEFAULT_HEARTBEAT_MS),
        sse.getInteger("maxQueuedBytes", DEFAULT_MAX_QUEUED_BYTES),
        sse.getInteger("replayBufferSize", DEFAULT_REPLAY_BUFFER_SIZE),
        sse.getLong("agentHealthIntervalMs", DEFAULT_AGENT_HEALTH_INTERVAL_MS),
        http.getLong("requestTimeoutMs", DEFAULT_REQUEST_TIMEOUT_MS),
        http.getLong("readinessTimeoutMs", DEFAULT_READINESS_TIMEOUT_MS));
  }

  private static Quota tokenQuota(JsonObject rateLimit) {
    if (rateLimit == null) {
      return DEFAULT_TOKEN_QUOTA;
    }
    try {
      return Quota.fromJson(rateLimit);
    } catch (IllegalArgumentException | ClassCastException bad) {
      throw new IllegalArgumentException("auth.rateLimit: " + bad.getMessage(), bad);
    }
  }

  private static JsonObject section(JsonObject config, String key) {
    JsonObject section = config.getJsonObject(key);
    return section == null ? new JsonObject() : section;
  }

  private static void requirePositive(String key, long value) {
    if (value <= 0) {
      throw new IllegalArgumentException(key + " must be positive, was " + value);
    }
  }
}
