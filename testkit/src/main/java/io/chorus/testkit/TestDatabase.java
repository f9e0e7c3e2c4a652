package io.chorus.testkit;

import io.chorus.storage.embedded.EmbeddedDatabase;
import io.chorus.storage.embedded.EmbeddedDatabaseOptions;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A PostgreSQL schema of its own for one test class, in the real server the suite runs against:
 * 127.0.0.1:5432, database {@code test}, unless {@code CHORUS_TEST_DATABASE_*} says otherwise.
 * When no server answers there, one embedded PostgreSQL is started for the whole test JVM.
 * Runs on the JUnit thread, never on an event loop.
 */
public final class TestDatabase implements AutoCloseable {
  private static final String NAME = setting("NAME", "test");
  private static final String USER = setting("USER", "postgres");
  private static Server server;

  private final String schema;

  private TestDatabase(String schema) {
    this.schema = schema;
  }

  /** Creates a fresh, empty schema named after the test class. */
  public static TestDatabase createSchema(Class<?> testClass) {
    String schema = ("t_" + testClass.getSimpleName() + "_" + UUID.randomUUID().toString().substring(0, 8))
        .toLowerCase(Locale.ROOT);
    execute("CREATE SCHEMA " + schema);
    return new TestDatabase(schema);
  }

  public String schema() {
    return schema;
  }

  /** The {@code database} section of the Chorus configuration that points at this schema. */
  public JsonObject databaseConfig() {
    Server at = server();
    return new JsonObject()
        .put("host", at.host())
        .put("port", at.port())
        .put("name", NAME)
        .put("user", USER)
        .putNull("password")
        .put("schema", schema)
        .put("poolSize", 4)
        .put("migrateOnStart", true)
        .put("embeddedFallback", false)
        .put("connectTimeoutMs", 2000);
  }

  @Override
  public void close() {
    execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
  }

  private static void execute(String sql) {
    Server at = server();
    String url = "jdbc:postgresql://" + at.host() + ":" + at.port() + "/" + NAME;
    try (Connection connection = DriverManager.getConnection(url, USER, null);
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException("PostgreSQL at " + url + " refused: " + e.getMessage(), e);
    }
  }

  /** The configured server when it answers, else an embedded one started once per JVM. */
  private static synchronized Server server() {
    if (server == null) {
      Server configured = new Server(setting("HOST", "127.0.0.1"), Integer.parseInt(setting("PORT", "5432")));
      server = answers(configured) ? configured : embedded();
    }
    return server;
  }

  private static boolean answers(Server candidate) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(candidate.host(), candidate.port()), 1000);
      return true;
    } catch (IOException unreachable) {
      return false;
    }
  }

  private static Server embedded() {
    Vertx vertx = Vertx.vertx();
    try {
      // Stopped by its own shutdown hook when the test JVM exits.
      EmbeddedDatabase database = EmbeddedDatabase.start(vertx, new EmbeddedDatabaseOptions().setDatabase(NAME))
          .toCompletionStage().toCompletableFuture().get(120, TimeUnit.SECONDS);
      return new Server(database.host(), database.port());
    } catch (Exception e) {
      throw new IllegalStateException("no PostgreSQL answers and an embedded one could not start: "
          + e.getMessage(), e);
    }
  }

  private static String setting(String name, String fallback) {
    String value = System.getenv("CHORUS_TEST_DATABASE_" + name);
    return value == null || value.isBlank() ? fallback : value;
  }

  private record Server(String host, int port) {}
}
