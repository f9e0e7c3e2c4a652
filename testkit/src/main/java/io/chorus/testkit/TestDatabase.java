package io.chorus.testkit;

import io.vertx.core.json.JsonObject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

/**
 * A PostgreSQL schema of its own for one test class, in the real server the suite runs against
 * (127.0.0.1:5432, database {@code test}, unless {@code CHORUS_TEST_DATABASE_*} says otherwise).
 * Runs on the JUnit thread, never on an event loop.
 */
public final class TestDatabase implements AutoCloseable {
  private static final String HOST = setting("HOST", "127.0.0.1");
  private static final int PORT = Integer.parseInt(setting("PORT", "5432"));
  private static final String NAME = setting("NAME", "test");
  private static final String USER = setting("USER", "postgres");

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
    return new JsonObject()
        .put("host", HOST)
        .put("port", PORT)
        .put("name", NAME)
        .put("user", USER)
        .putNull("password")
        .put("schema", schema)
        .put("poolSize", 4)
        .put("migrateOnStart", true)
        .put("embeddedFallback", false)
        .put("connectTimeoutMs", 2000);
  }

  /** Runs one SQL statement in this schema, for test setup and inspection. */
  public void sql(String statement) {
    execute("SET search_path TO " + schema + "; " + statement);
  }

  @Override
  public void close() {
    execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
  }

  private static void execute(String sql) {
    String url = "jdbc:postgresql://" + HOST + ":" + PORT + "/" + NAME;
    try (Connection connection = DriverManager.getConnection(url, USER, null);
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException("PostgreSQL at " + url + " refused: " + e.getMessage(), e);
    }
  }

  private static String setting(String name, String fallback) {
    String value = System.getenv("CHORUS_TEST_DATABASE_" + name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
