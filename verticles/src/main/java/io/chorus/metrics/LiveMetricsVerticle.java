package io.chorus.metrics;

import io.chorus.contracts.Addresses;
import io.chorus.contracts.metrics.BrandMetrics;
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
  private static final String COUNTS =
      "SELECT brand_id, platform, state, count(*) AS posts FROM posts GROUP BY brand_id, platform, state";
  /**
   * Engagement of the posts published within the window, from the latest values read of each
   * (samples are running totals, so only the latest of a post counts).
   */
  private static final String ENGAGEMENT = """
      SELECT m.brand_id, m.platform, sum(kv.value::numeric) AS engagement
      FROM metric_polls m CROSS JOIN LATERAL jsonb_each_text(m.latest) AS kv
      WHERE kv.key = ANY($1) AND m.sampled_at IS NOT NULL
        AND m.published_at > now() - make_interval(secs => $2)
      GROUP BY m.brand_id, m.platform
      """;
  private static final String LATENCY = """
      SELECT count(*) AS samples,
             percentile_cont(0.5) WITHIN GROUP (ORDER BY latency_ms) AS p50,
             percentile_cont(0.95) WITHIN GROUP (ORDER BY latency_ms) AS p95,
             max(latency_ms) AS max
      FROM (SELECT greatest(extract(epoch FROM published_at - scheduled_at) * 1000, 0) AS latency_ms
            FROM posts
            WHERE state = 'PUBLISHED' AND published_at > now() - make_interval(secs => $1)) recent
      """;


  private Pool pool;
  private long timerId;
  private int windowSeconds;
  private long engagementWindowSeconds;
  private String[] engagementMetrics;

  @Override
  public Future<?> start() {
    JsonObject metrics = config().getJsonObject("metrics");
    windowSeconds = metrics.getInteger("latencyWindowSeconds");
    engagementWindowSeconds = metrics.getLong("engagementWindowSeconds", DEFAULT_ENGAGEMENT_WINDOW_SECONDS);
    // The same metrics the scheduler counts as engagement, so the dashboard and the scheduler agree.
    engagementMetrics = config().getJsonObject("scheduling").getJsonArray("engagementMetrics").stream()
        .map(String::valueOf).toArray(String[]::new);
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
    Future<RowSet<Row>> engagement = pool.preparedQuery(ENGAGEMENT).execute(Tuple.of(engagementMetrics, engagementWindowSeconds));
    Future.all(counts, latency, engagement)
        .map(all -> snapshot(counts.result(), engagement.result(), latency(latency.result().iterator().next())))
        .onSuccess(snapshot -> vertx.eventBus().publish(Addresses.METRICS_LIVE, snapshot))
        .onFailure(failure -> LOG.warn("Live metrics skipped: {}", failure.getMessage()));
  }

  /** The node-wide figures, and each brand's, from rows keyed by brand, platform (and state). */
  private static LiveMetrics snapshot(Iterable<Row> counts, Iterable<Row> engagement, LatencySummary latency) {
    Map<String, Map<String, Long>> posts = new HashMap<>();
    Map<String, Double> engaged = new HashMap<>();
    Map<String, Map<String, Map<String, Long>>> postsByBrand = new HashMap<>();
    Map<String, Map<String, Double>> engagedByBrand = new HashMap<>();
    for (Row row : counts) {
      String platform = row.getString("platform");
      String state = row.getString("state");
      long n = row.getLong("posts");
      posts.computeIfAbsent(platform, p -> new HashMap<>()).merge(state, n, Long::sum);
      postsByBrand.computeIfAbsent(row.getString("brand_id"), b -> new HashMap<>())
          .computeIfAbsent(platform, p -> new HashMap<>()).put(state, n);
    }
    for (Row row : engagement) {
      String platform = row.getString("platform");
      double value = row.getDouble("engagement");
      engaged.merge(platform, value, Double::sum);
      engagedByBrand.computeIfAbsent(row.getString("brand_id"), b -> new HashMap<>()).put(platform, value);
    }
    Map<String, BrandMetrics> brands = new HashMap<>();
    postsByBrand.keySet().forEach(brand -> brands.put(brand, new BrandMetrics(postsByBrand.get(brand),
        engagedByBrand.getOrDefault(brand, Map.of()))));
    engagedByBrand.forEach((brand, values) -> brands.putIfAbsent(brand, new BrandMetrics(Map.of(), values)));
    return new LiveMetrics(Instant.now(), posts, latency, engaged, brands);
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
