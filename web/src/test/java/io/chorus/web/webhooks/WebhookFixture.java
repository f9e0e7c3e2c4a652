package io.chorus.web.webhooks;

import io.chorus.contracts.Contracts;
import io.chorus.storage.Database;
import io.chorus.storage.DatabaseOptions;
import io.chorus.testkit.TestDatabase;
import io.chorus.web.WebTestSupport;
import io.chorus.web.WebVerticle;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * A real PostgreSQL schema, migrated, with the configuration the web verticle and the events
 * verticles read, and a pool for the test's own looks at the tables.
 */
public final class WebhookFixture {
  public static final String BRAND = "northwind";

  private final TestDatabase database;
  private final JsonObject config;
  private Pool pool;
  private WebVerticle web;

  private WebhookFixture(TestDatabase database, JsonObject config) {
    this.database = database;
    this.config = config;
  }

  /** A fresh schema named after the test class; {@code webhooks} is the config's webhooks section. */
  public static WebhookFixture create(Class<?> testClass, String bootstrapToken, JsonObject webhooks) {
    TestDatabase database = TestDatabase.createSchema(testClass);
    JsonObject config = WebTestSupport.config(bootstrapToken, 60_000, 262_144)
        // A shared, busy machine can take a while to hand out a connection.
        .put("database", database.databaseConfig().put("connectTimeoutMs", 10_000))
        .put("webhooks", webhooks);
    return new WebhookFixture(database, config);
  }

  public JsonObject config() {
    return config;
  }

  /** Migrates the schema and adds the brand the tests use; call once per test, on the test's Vert.x. */
  public Future<Void> prepare(Vertx vertx) {
    Contracts.registerCodecs(vertx);
    pool = Database.pool(vertx, DatabaseOptions.fromConfig(config));
    return Database.migrate(vertx, DatabaseOptions.fromConfig(config))
        .compose(version -> pool.query("INSERT INTO brands (id, name) VALUES ('" + BRAND + "', 'Northwind') "
            + "ON CONFLICT DO NOTHING").execute())
        .mapEmpty();
  }

  public Future<String> deploy(Vertx vertx, Supplier<? extends io.vertx.core.Deployable> verticle) {
    return vertx.deployVerticle(verticle.get(), new DeploymentOptions().setConfig(config));
  }

  public Future<WebClient> deployWeb(Vertx vertx) {
    web = new WebVerticle();
    return WebTestSupport.deployTokenService(vertx, config)
        .compose(tokens -> vertx.deployVerticle(web, new DeploymentOptions().setConfig(config)))
        .map(id -> WebTestSupport.client(vertx, web));
  }

  /** Where the web verticle deployed by {@link #deployWeb} listens. */
  public int webPort() {
    return web.actualPort();
  }

  public Future<RowSet<Row>> sql(String sql, Tuple parameters) {
    return pool.preparedQuery(sql).execute(parameters);
  }

  /** Polls {@code sql} every 50 ms until its rows satisfy {@code condition}; fails after {@code timeoutMs}. */
  public Future<RowSet<Row>> eventually(Vertx vertx, long timeoutMs, String sql, Tuple parameters,
      Predicate<RowSet<Row>> condition) {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
    return poll(vertx, deadline, sql, parameters, condition);
  }

  private Future<RowSet<Row>> poll(Vertx vertx, long deadline, String sql, Tuple parameters,
      Predicate<RowSet<Row>> condition) {
    return sql(sql, parameters).compose(rows -> {
      if (condition.test(rows)) {
        return Future.succeededFuture(rows);
      }
      if (System.nanoTime() > deadline) {
        return Future.failedFuture(new AssertionError("no rows as expected from " + sql.strip()));
      }
      return vertx.timer(50, TimeUnit.MILLISECONDS).compose(tick -> poll(vertx, deadline, sql, parameters, condition));
    });
  }

  /** Stops everything deployed on {@code vertx}, so nothing polls the schema, then drops it. */
  public void close(Vertx vertx) throws Exception {
    try {
      vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    } finally {
      database.close();
    }
  }
}
