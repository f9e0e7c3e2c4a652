package io.chorus.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the benchmark reads from PostgreSQL. Statistics come through a connection to the
 * {@code postgres} database, so reading them does not add to the benchmark database's own counters;
 * post counts come through a connection to the benchmark database, and the probe counts those
 * statements so they can be taken out of its transaction count.
 */
final class PgProbe implements AutoCloseable {
  private final Connection admin;
  private final String database;
  private Connection bench;
  private long ownStatements;

  private PgProbe(Connection admin, String database) {
    this.admin = admin;
    this.database = database;
  }

  static PgProbe open(BenchOptions options) throws SQLException {
    return new PgProbe(DriverManager.getConnection(options.jdbcUrl("postgres"), options.pgUser(), null),
        options.database());
  }

  /** Drops the benchmark database if a previous run left it, and creates it empty. */
  void recreateDatabase() throws SQLException {
    try (Statement statement = admin.createStatement()) {
      statement.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
      statement.execute("CREATE DATABASE " + database);
    }
  }

  void connectToBenchDatabase(BenchOptions options) throws SQLException {
    bench = DriverManager.getConnection(options.jdbcUrl(database), options.pgUser(), null);
  }

  String serverVersion() throws SQLException {
    return single(admin, "SHOW server_version");
  }

  /** Whether pg_stat_statements is loaded and installed, so statement calls can be counted. */
  boolean statementsAvailable() throws SQLException {
    return single(admin, "SELECT count(*) FROM pg_extension WHERE extname = 'pg_stat_statements'").equals("1")
        && single(admin, "SHOW shared_preload_libraries").contains("pg_stat_statements");
  }

  boolean autovacuumOn() throws SQLException {
    return single(admin, "SHOW autovacuum").equals("on");
  }

  /** Committed and rolled-back transactions of the benchmark database, without this probe's own. */
  long transactions() throws SQLException {
    try (Statement statement = admin.createStatement()) {
      // Statistics are cached per transaction; a fresh snapshot is needed for each sample.
      statement.execute("SELECT pg_stat_clear_snapshot()");
    }
    String total = single(admin,
        "SELECT xact_commit + xact_rollback FROM pg_stat_database WHERE datname = '" + database + "'");
    return Long.parseLong(total) - ownStatements;
  }

  /** Process ids of the server backends connected to the benchmark database, except this probe's. */
  List<Long> backendPids() throws SQLException {
    List<Long> pids = new ArrayList<>();
    try (PreparedStatement query = admin.prepareStatement(
        "SELECT pid FROM pg_stat_activity WHERE datname = ? AND pid <> ?")) {
      query.setString(1, database);
      query.setLong(2, benchBackendPid());
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          pids.add(rows.getLong(1));
        }
      }
    }
    return pids;
  }

  long publishedSince(Instant from) throws SQLException {
    return Long.parseLong(benchQuery(
        "SELECT count(*) FROM posts WHERE state = 'PUBLISHED' AND published_at >= ?", from));
  }

  /** Posts whose slot has come but which are not published yet: the backlog. */
  long overdue() throws SQLException {
    return Long.parseLong(benchQuery(
        "SELECT count(*) FROM posts WHERE state <> 'PUBLISHED' AND slot_at <= ?", Instant.now()));
  }

  /** Posts per state, for the report. */
  Map<String, Long> states() throws SQLException {
    Map<String, Long> states = new LinkedHashMap<>();
    ownStatements++;
    try (Statement statement = bench.createStatement();
        ResultSet rows = statement.executeQuery("SELECT state, count(*) FROM posts GROUP BY state ORDER BY state")) {
      while (rows.next()) {
        states.put(rows.getString(1), rows.getLong(2));
      }
    }
    return states;
  }

  /** p50 and p95, in milliseconds, of slot-to-publication time of posts published in [from, to). */
  double[] latencyMillis(Instant from, Instant to) throws SQLException {
    ownStatements++;
    try (PreparedStatement query = bench.prepareStatement("""
        SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY ms), percentile_cont(0.95) WITHIN GROUP (ORDER BY ms)
        FROM (SELECT extract(epoch FROM published_at - slot_at) * 1000 AS ms FROM posts
              WHERE state = 'PUBLISHED' AND published_at >= ? AND published_at < ?) AS published
        """)) {
      query.setTimestamp(1, Timestamp.from(from));
      query.setTimestamp(2, Timestamp.from(to));
      try (ResultSet rows = query.executeQuery()) {
        rows.next();
        return new double[] {rows.getDouble(1), rows.getDouble(2)};
      }
    }
  }

  /** Posts published in each {@code seconds}-long interval of [from, to), oldest first. */
  List<Long> publishedPerInterval(Instant from, Instant to, int seconds) throws SQLException {
    ownStatements++;
    List<Long> counts = new ArrayList<>();
    try (PreparedStatement query = bench.prepareStatement("""
        SELECT coalesce(c.posts, 0) FROM generate_series(0, ?) AS b(n)
        LEFT JOIN (SELECT floor(extract(epoch FROM published_at - ?::timestamptz) / ?)::int AS n, count(*) AS posts
                   FROM posts WHERE state = 'PUBLISHED' AND published_at >= ? AND published_at < ?
                   GROUP BY 1) AS c USING (n)
        ORDER BY b.n
        """)) {
      int buckets = (int) (Duration.between(from, to).toSeconds() / seconds);
      query.setInt(1, buckets - 1);
      query.setTimestamp(2, Timestamp.from(from));
      query.setInt(3, seconds);
      query.setTimestamp(4, Timestamp.from(from));
      query.setTimestamp(5, Timestamp.from(from.plusSeconds((long) buckets * seconds)));
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          counts.add(rows.getLong(1));
        }
      }
    }
    return counts;
  }

  private long benchBackendPid() throws SQLException {
    ownStatements++;
    return Long.parseLong(single(bench, "SELECT pg_backend_pid()"));
  }

  private String benchQuery(String sql, Instant at) throws SQLException {
    ownStatements++;
    try (PreparedStatement query = bench.prepareStatement(sql)) {
      query.setTimestamp(1, Timestamp.from(at));
      try (ResultSet rows = query.executeQuery()) {
        rows.next();
        return rows.getString(1);
      }
    }
  }

  private static String single(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
      rows.next();
      return rows.getString(1);
    }
  }

  @Override
  public void close() throws SQLException {
    if (bench != null) {
      bench.close();
    }
    admin.close();
  }
}
