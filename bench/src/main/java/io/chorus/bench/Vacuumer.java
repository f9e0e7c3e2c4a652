package io.chorus.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Stands in for autovacuum when the server has it switched off (test servers often do): vacuums
 * the benchmark database's tables every few seconds on its own connection. Without it every
 * post's old row versions stay in the indexes, and the run measures bloat rather than Chorus.
 */
final class Vacuumer implements AutoCloseable {
  private final Connection connection;
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
  private final AtomicLong runs = new AtomicLong();

  private Vacuumer(Connection connection) {
    this.connection = connection;
  }

  static Vacuumer every(BenchOptions options, int seconds) throws SQLException {
    Vacuumer vacuumer = new Vacuumer(
        DriverManager.getConnection(options.jdbcUrl(options.database()), options.pgUser(), null));
    vacuumer.timer.scheduleWithFixedDelay(vacuumer::vacuum, seconds, seconds, TimeUnit.SECONDS);
    return vacuumer;
  }

  /** How many vacuums ran. */
  long runs() {
    return runs.get();
  }

  private void vacuum() {
    try (Statement statement = connection.createStatement()) {
      statement.execute("VACUUM (ANALYZE) posts, outbox, post_events");
      runs.incrementAndGet();
    } catch (SQLException failed) {
      System.err.println("bench: vacuum failed: " + failed.getMessage());
    }
  }

  @Override
  public void close() throws SQLException, InterruptedException {
    timer.shutdownNow();
    timer.awaitTermination(60, TimeUnit.SECONDS);
    connection.close();
  }
}
