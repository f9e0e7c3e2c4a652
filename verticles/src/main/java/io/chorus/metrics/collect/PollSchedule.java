package io.chorus.metrics.collect;

import io.chorus.contracts.Platform;
import io.chorus.contracts.metrics.CollectResult.PostMetrics;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The SQL of metrics polling. Published posts are enrolled in {@code metric_polls}; workers on any
 * node claim due ones with {@code FOR UPDATE SKIP LOCKED}, moving each one's next read further out
 * as the post ages in the same statement, so no two nodes read the same post at the same turn.
 */
final class PollSchedule {
  /** $1 post ids, $2 seconds over which first reads spread. */
  private static final String ENROL = """
      INSERT INTO metric_polls (post_id, brand_id, platform, published_at, next_at)
      SELECT id, brand_id, platform, published_at, now() + make_interval(secs => $2 * random())
      FROM posts
      WHERE id = ANY($1::uuid[]) AND state = 'PUBLISHED' AND external_id IS NOT NULL AND published_at IS NOT NULL
      ON CONFLICT (post_id) DO NOTHING
      """;
  /** Published posts the transitions did not bring in (published while no collector ran). $1 max age in days, $2 limit, $3 spread seconds. */
  private static final String SWEEP = """
      INSERT INTO metric_polls (post_id, brand_id, platform, published_at, next_at)
      SELECT p.id, p.brand_id, p.platform, p.published_at, now() + make_interval(secs => $3 * random())
      FROM posts p
      WHERE p.state = 'PUBLISHED' AND p.external_id IS NOT NULL
        AND p.published_at > now() - make_interval(days => $1)
        AND NOT EXISTS (SELECT 1 FROM metric_polls m WHERE m.post_id = p.id)
      ORDER BY p.published_at DESC
      LIMIT $2
      ON CONFLICT (post_id) DO NOTHING
      """;
  /** $1 batch, $2 min interval s, $3 max interval s, $4 age fraction, $5 spread, $6 max age days. */
  private static final String CLAIM = """
      WITH due AS (
        SELECT post_id FROM metric_polls
        WHERE retired_at IS NULL AND next_at <= now()
        ORDER BY next_at
        LIMIT $1
        FOR UPDATE SKIP LOCKED
      ), claimed AS (
        UPDATE metric_polls m SET
          polls = m.polls + 1,
          next_at = now() + make_interval(secs => least($3::float8, greatest($2::float8,
                      extract(epoch FROM now() - m.published_at) * $4::float8)) * (1 + $5::float8 * random())),
          retired_at = CASE WHEN m.published_at < now() - make_interval(days => $6) THEN now() END
        FROM due
        WHERE m.post_id = due.post_id
        RETURNING m.post_id, m.platform, m.published_at, m.latest, m.retired_at
      )
      SELECT c.post_id, c.platform, c.published_at, c.latest, p.account_id, p.external_id
      FROM claimed c JOIN posts p ON p.id = c.post_id
      WHERE c.retired_at IS NULL
      """;
  /**
   * Appends the samples, keeps each post's latest values, and tells partners (outbox) about posts
   * whose values changed. $1 post ids, $2 values as JSON, $3 sampling times.
   */
  private static final String STORE = """
      WITH input AS (
        SELECT i.post_id, i.latest::jsonb AS latest, i.sampled_at
        FROM unnest($1::uuid[], $2::text[], $3::timestamptz[]) AS i(post_id, latest, sampled_at)
      ), changed AS (
        SELECT i.* FROM input i JOIN metric_polls m ON m.post_id = i.post_id WHERE m.latest <> i.latest
      ), samples AS (
        INSERT INTO metric_samples (brand_id, post_id, account_id, platform, metric, value, sampled_at)
        SELECT p.brand_id, p.id, p.account_id, p.platform, kv.key, kv.value::double precision, i.sampled_at
        FROM input i JOIN posts p ON p.id = i.post_id
        CROSS JOIN LATERAL jsonb_each_text(i.latest) AS kv
      ), outboxed AS (
        INSERT INTO outbox (brand_id, type, subject, payload)
        SELECT p.brand_id, 'post.metrics_updated', p.id::text,
               jsonb_build_object('postId', p.id, 'platform', p.platform, 'externalId', p.external_id,
                                  'sampledAt', c.sampled_at, 'metrics', c.latest)
        FROM changed c JOIN posts p ON p.id = c.post_id
      )
      UPDATE metric_polls m SET latest = i.latest, sampled_at = i.sampled_at
      FROM input i WHERE m.post_id = i.post_id
      """;
  private static final String RETIRE = "UPDATE metric_polls SET retired_at = now() WHERE post_id = ANY($1::uuid[])";

  private final Pool pool;
  private final CollectOptions options;

  PollSchedule(Pool pool, CollectOptions options) {
    this.pool = pool;
    this.options = options;
  }

  Future<Integer> enrol(Collection<UUID> postIds) {
    if (postIds.isEmpty()) {
      return Future.succeededFuture(0);
    }
    return pool.preparedQuery(ENROL).execute(Tuple.of(postIds.toArray(UUID[]::new), firstSpreadSeconds()))
        .map(rows -> rows.rowCount());
  }

  Future<Integer> sweep() {
    return pool.preparedQuery(SWEEP).execute(Tuple.of(options.maxAgeDays(), options.batchSize(), firstSpreadSeconds()))
        .map(rows -> rows.rowCount());
  }

  Future<List<DuePost>> claim() {
    Tuple params = Tuple.of(options.batchSize(), (double) options.intervalSeconds(), (double) options.maxIntervalSeconds(),
        options.ageFraction(), options.spread(), options.maxAgeDays());
    return pool.preparedQuery(CLAIM).execute(params).map(rows -> {
      List<DuePost> due = new ArrayList<>(rows.size());
      for (Row row : rows) {
        due.add(new DuePost(row.getUUID("post_id"), row.getString("account_id"), Platform.of(row.getString("platform")),
            row.getString("external_id"), row.getOffsetDateTime("published_at").toInstant(),
            (JsonObject) row.getJson("latest")));
      }
      return due;
    });
  }

  Future<Void> store(List<PostMetrics> collected) {
    if (collected.isEmpty()) {
      return Future.succeededFuture();
    }
    UUID[] ids = collected.stream().map(m -> UUID.fromString(m.postId())).toArray(UUID[]::new);
    String[] values = collected.stream().map(m -> new JsonObject(new TreeMap<String, Object>(m.values())).encode())
        .toArray(String[]::new);
    OffsetDateTime[] at = collected.stream().map(m -> m.sampledAt().atOffset(ZoneOffset.UTC)).toArray(OffsetDateTime[]::new);
    return pool.preparedQuery(STORE).execute(Tuple.of(ids, values, at)).mapEmpty();
  }

  Future<Void> retire(List<String> postIds) {
    if (postIds.isEmpty()) {
      return Future.succeededFuture();
    }
    return pool.preparedQuery(RETIRE).execute(Tuple.of(postIds.stream().map(UUID::fromString).toArray(UUID[]::new)))
        .mapEmpty();
  }

  /** First reads of newly published posts spread over this many seconds. */
  private double firstSpreadSeconds() {
    return options.intervalSeconds() * options.spread();
  }
}
