package io.chorus.metrics;

import io.chorus.contracts.Addresses;
import io.chorus.contracts.metrics.LatencySummary;
import io.chorus.contracts.metrics.LiveMetrics;
import io.chorus.storage.Database;
import io.chorus.storage.DatabaseOptions;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes a live snapshot of the pipeline on {@link Addresses#METRICS_LIVE} at a steady pace:
 * posts by platform and state, how long due posts waited before they were published, and each
 * platform's engagement as its insights arrive (the latest collected values of recent posts).
 */
public final class LiveMetricsVerticle extends VerticleBase {
  /** The engagement totals cover posts published in the last day unless configured otherwise. */
  public static final long DEFAULT_ENGAGEMENT_WINDOW_SECONDS = 86_400;
  private static final Logger LOG = LoggerFactory.getLogger(LiveMetricsVerticle.class);
  private static final String COUNTS = "SELECT platform, state, count(*) AS posts FROM posts GROUP BY platform, state";
  private static final String LATENCY = """
      SELECT count(*) AS samples,
             percentile_cont(0.5) WITHIN GROUP (ORDER BY latency_ms) AS p50,
             percentile_cont(0.95) WITHIN GROUP (ORDER BY latency_ms) AS p95,
             max(latency_ms) AS max
      FROM (SELECT greatest(extract(epoch FROM published_at - scheduled_at) * 1000, 0) AS latency_ms
            FROM posts
            WHERE state = 'PUBLISHED' AND published_at > now() - make_interval(secs => $1)) recent
      """;

  /** Each platform's metrics summed over the latest values of the posts published within the window. */
  private static final String ENGAGEMENT = """
      SELECT m.platform, kv.key AS metric, sum(kv.value::numeric)::bigint AS total
      FROM metric_polls m CROSS JOIN LATERAL jsonb_each_text(m.latest) AS kv
      WHERE m.sampled_at IS NOT NULL AND m.published_at > now() - make_interval(secs => $1)
      GROUP BY m.platform, kv.key
      """;

  private Pool pool;
  private long timerId;
  private int windowSeconds;
  private long engagementWindowSeconds;

  @Override
  public Future<?> start() {
    JsonObject metrics = config().getJsonObject("metrics");
    windowSeconds = metrics.getInteger("latencyWindowSeconds");
    engagementWindowSeconds = metrics.getLong("engagementWindowSeconds", DEFAULT_ENGAGEMENT_WINDOW_SECONDS);
    pool = Database.pool(vertx, DatabaseOptions.fromConfig(config()));
    timerId = vertx.setPeriodic(metrics.getLong("liveIntervalMs"), tick -> publishSnapshot());
    return Future.succeededFuture();
  }

  @Override
  public Future<?> stop() {
    vertx.cancelTimer(timerId);
    return pool.close();
  }

  private void publishSnapshot() {
    Future<RowSet<Row>> counts = pool.query(COUNTS).execute();
    Future<RowSet<Row>> latency = pool.preparedQuery(LATENCY).execute(Tuple.of(windowSeconds));
    Future<RowSet<Row>> engagement = pool.preparedQuery(ENGAGEMENT).execute(Tuple.of(engagementWindowSeconds));
    Future.all(counts, latency, engagement)
        .map(all -> new LiveMetrics(Instant.now(), counts(counts.result()),
            latency(latency.result().iterator().next()), engagement(engagement.result())))
        .onSuccess(snapshot -> vertx.eventBus().publish(Addresses.METRICS_LIVE, snapshot))
        .onFailure(failure -> LOG.warn("Live metrics skipped: {}", failure.getMessage()));
  }

  private static Map<String, Map<String, Long>> counts(Iterable<Row> rows) {
    Map<String, Map<String, Long>> byPlatform = new HashMap<>();
    for (Row row : rows) {
      byPlatform.computeIfAbsent(row.getString("platform"), p -> new HashMap<>())
          .put(row.getString("state"), row.getLong("posts"));
    }
    return byPlatform;
  }

  private static Map<String, Map<String, Long>> engagement(Iterable<Row> rows) {
    Map<String, Map<String, Long>> byPlatform = new HashMap<>();
    for (Row row : rows) {
      byPlatform.computeIfAbsent(row.getString("platform"), p -> new HashMap<>())
          .put(row.getString("metric"), row.getLong("total"));
    }
    return byPlatform;
  }

  private static LatencySummary latency(Row row) {
    long samples = row.getLong("samples");
    if (samples == 0) {
      return LatencySummary.EMPTY;
    }
    return new LatencySummary(samples, row.getDouble("p50"), row.getDouble("p95"), row.getDouble("max"));
  }
}
