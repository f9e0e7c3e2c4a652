package io.chorus.pipeline.scheduling;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads what scheduling needs about a batch of accounts, one query each for all of them. */
public final class ScheduleHistory {
  /*
   * Metric samples are counters sampled over time, so a post's engagement is the sum over the
   * engagement metrics of each one's highest value. Hours are read on the brand's clock.
   */
  private static final String ENGAGEMENT = """
      WITH per_metric AS (
        SELECT account_id, post_id, max(value) AS value, count(*) AS samples
        FROM metric_samples
        WHERE account_id = ANY($1) AND metric = ANY($2) AND post_id IS NOT NULL
        GROUP BY account_id, post_id, metric
      ), per_post AS (
        SELECT m.account_id, p.published_at AT TIME ZONE b.time_zone AS local_at,
               sum(m.value) AS engagement, sum(m.samples) AS samples
        FROM per_metric m
        JOIN posts p ON p.id = m.post_id
        JOIN brands b ON b.id = p.brand_id
        WHERE p.published_at IS NOT NULL
        GROUP BY m.account_id, m.post_id, p.published_at, b.time_zone
      )
      SELECT account_id,
             (extract(isodow FROM local_at)::int - 1) * 24 + extract(hour FROM local_at)::int AS hour_of_week,
             avg(engagement) AS engagement, sum(samples)::bigint AS samples
      FROM per_post
      GROUP BY 1, 2
      """;
  private static final String TAKEN = """
      SELECT account_id, COALESCE(published_at, scheduled_at) AS at
      FROM posts
      WHERE account_id = ANY($1) AND state IN ('SCHEDULED', 'PUBLISHING', 'PUBLISHED') AND scheduled_at >= $2
      """;

  private final Pool pool;
  private final List<String> engagementMetrics;

  public ScheduleHistory(Pool pool, List<String> engagementMetrics) {
    this.pool = pool;
    this.engagementMetrics = List.copyOf(engagementMetrics);
  }

  /** The engagement history of each account that has any. */
  public Future<Map<String, EngagementHistory>> engagement(Collection<String> accountIds) {
    Tuple params = Tuple.tuple()
        .addArrayOfString(accountIds.toArray(String[]::new))
        .addArrayOfString(engagementMetrics.toArray(String[]::new));
    return pool.preparedQuery(ENGAGEMENT).execute(params).map(rows -> {
      Map<String, Long> samples = new HashMap<>();
      Map<String, Map<Integer, Double>> byHour = new HashMap<>();
      for (Row row : rows) {
        String account = row.getString("account_id");
        samples.merge(account, row.getLong("samples"), Long::sum);
        byHour.computeIfAbsent(account, key -> new HashMap<>())
            .put(row.getInteger("hour_of_week"), row.getDouble("engagement"));
      }
      Map<String, EngagementHistory> histories = new HashMap<>();
      byHour.forEach((account, hours) -> histories.put(account, new EngagementHistory(samples.get(account), hours)));
      return histories;
    });
  }

  /** When each account already posts, from {@code since} on. */
  public Future<Map<String, List<Instant>>> taken(Collection<String> accountIds, Instant since) {
    Tuple params = Tuple.tuple()
        .addArrayOfString(accountIds.toArray(String[]::new))
        .addOffsetDateTime(OffsetDateTime.ofInstant(since, ZoneOffset.UTC));
    return pool.preparedQuery(TAKEN).execute(params).map(rows -> {
      Map<String, List<Instant>> taken = new HashMap<>();
      for (Row row : rows) {
        taken.computeIfAbsent(row.getString("account_id"), key -> new ArrayList<>())
            .add(row.getOffsetDateTime("at").toInstant());
      }
      return taken;
    });
  }
}
