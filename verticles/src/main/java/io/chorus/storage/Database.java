package io.chorus.storage;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import java.util.concurrent.TimeUnit;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Opens connection pools to Chorus's PostgreSQL and brings its schema up to date. */
public final class Database {
  private static final Logger LOG = LoggerFactory.getLogger(Database.class);

  private Database() {}

  /** A pool for one verticle; each verticle owns its own. */
  public static Pool pool(Vertx vertx, DatabaseOptions options) {
    return PgBuilder.pool()
        .with(new PoolOptions().setMaxSize(options.poolSize()).setConnectionTimeout(options.connectTimeoutMs())
            .setConnectionTimeoutUnit(TimeUnit.MILLISECONDS))
        .connectingTo(options.connectOptions())
        .using(vertx)
        .build();
  }

  /** Applies pending Flyway migrations on a worker thread; the result names the version reached. */
  public static Future<String> migrate(Vertx vertx, DatabaseOptions options) {
    return vertx.executeBlocking(() -> {
      Flyway flyway = Flyway.configure()
          .dataSource(options.jdbcUrl(), options.user(), options.password())
          .schemas(options.schema())
          .defaultSchema(options.schema())
          .locations("classpath:db/migration")
          .load();
      MigrateResult result = flyway.migrate();
      // With nothing to apply Flyway reports no target; the schema's current version is the answer.
      MigrationInfo current = flyway.info().current();
      String version = current == null ? "none" : current.getVersion().getVersion();
      LOG.info("Database schema {} at version {} ({} migrations applied)", options.schema(), version,
          result.migrationsExecuted);
      return version;
    });
  }
}
