package io.chorus.launcher;

import io.chorus.testkit.TestDatabase;
import io.vertx.core.json.JsonObject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The posts of a test schema as PostgreSQL holds them, read directly over JDBC on the test thread. */
final class PostLedger {
  private final String url;
  private final String user;

  PostLedger(TestDatabase database) {
    JsonObject config = database.databaseConfig();
    url = "jdbc:postgresql://" + config.getString("host") + ":" + config.getInteger("port") + "/"
        + config.getString("name") + "?currentSchema=" + database.schema();
    user = config.getString("user");
  }

  /** A published post: its Chorus id, its id on the platform, its account and that account's id there. */
  record Published(String postId, String externalId, String platform, String accountId, String accountExternalId) {}

  long count() throws SQLException {
    return countByState().values().stream().mapToLong(Long::longValue).sum();
  }

  long countIn(List<String> states) throws SQLException {
    Map<String, Long> byState = countByState();
    return states.stream().mapToLong(state -> byState.getOrDefault(state, 0L)).sum();
  }

  Map<String, Long> countByState() throws SQLException {
    Map<String, Long> counts = new TreeMap<>();
    try (Connection connection = connect();
        PreparedStatement query = connection.prepareStatement("SELECT state, count(*) FROM posts GROUP BY state");
        ResultSet rows = query.executeQuery()) {
      while (rows.next()) {
        counts.put(rows.getString(1), rows.getLong(2));
      }
    }
    return counts;
  }

  /** Why posts not published stopped where they are, with how many posts each reason holds. */
  Map<String, Long> reasonsNotPublished() throws SQLException {
    Map<String, Long> reasons = new TreeMap<>();
    try (Connection connection = connect();
        PreparedStatement query = connection.prepareStatement("SELECT state || ': ' || coalesce(last_error, '-'), "
            + "count(*) FROM posts WHERE state <> 'PUBLISHED' GROUP BY 1");
        ResultSet rows = query.executeQuery()) {
      while (rows.next()) {
        reasons.put(rows.getString(1), rows.getLong(2));
      }
    }
    return reasons;
  }

  /** How many rejected posts ever got as far as being scheduled: none should, review comes first. */
  long rejectedAfterReview() throws SQLException {
    return single("""
        SELECT count(DISTINCT p.id) FROM posts p JOIN post_events e ON e.post_id = p.id
        WHERE p.state = 'REJECTED' AND e.to_state IN ('SCHEDULED', 'PUBLISHING', 'PUBLISHED')
        """);
  }

  /** How many publishers hold posts in flight right now: each node has one. */
  long publishersInFlight() throws SQLException {
    return single("SELECT count(DISTINCT lease_owner) FROM posts WHERE state = 'PUBLISHING'");
  }

  /** How many times any post entered {@code state}. */
  long movesInto(String state) throws SQLException {
    return single("SELECT count(*) FROM post_events WHERE to_state = ?", state);
  }

  /** How many times any post moved from {@code from} to {@code to}. */
  long moves(String from, String to) throws SQLException {
    return single("SELECT count(*) FROM post_events WHERE from_state = ? AND to_state = ?", from, to);
  }

  /** How many texts an account was given more than once. */
  long textsRepeatedOnAnAccount() throws SQLException {
    return single("SELECT count(*) FROM (SELECT 1 FROM posts GROUP BY account_id, text HAVING count(*) > 1) repeated");
  }

  List<Published> published() throws SQLException {
    List<Published> posts = new ArrayList<>();
    try (Connection connection = connect();
        PreparedStatement query = connection.prepareStatement("""
            SELECT p.id, p.external_id, p.platform, a.id, a.external_id
            FROM posts p JOIN accounts a ON a.id = p.account_id
            WHERE p.state = 'PUBLISHED'
            """);
        ResultSet rows = query.executeQuery()) {
      while (rows.next()) {
        posts.add(new Published(rows.getString(1), rows.getString(2), rows.getString(3), rows.getString(4),
            rows.getString(5)));
      }
    }
    return posts;
  }

  private long single(String sql, String... parameters) throws SQLException {
    try (Connection connection = connect(); PreparedStatement query = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        query.setString(i + 1, parameters[i]);
      }
      try (ResultSet rows = query.executeQuery()) {
        rows.next();
        return rows.getLong(1);
      }
    }
  }

  private Connection connect() throws SQLException {
    return DriverManager.getConnection(url, user, null);
  }
}
