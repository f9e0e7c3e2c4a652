package io.chorus.storage;

import io.chorus.contracts.ChorusError;
import io.chorus.contracts.ErrorCode;
import io.chorus.storage.embedded.EmbeddedDatabase;
import io.chorus.storage.embedded.EmbeddedDatabaseOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetClientOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the PostgreSQL Chorus will use: the configured server when it answers, else (when
 * {@code database.embeddedFallback} allows it) an embedded server started for this process.
 */
public final class DatabaseStartup {
  private static final Logger LOG = LoggerFactory.getLogger(DatabaseStartup.class);

  private final DatabaseOptions options;
  private final EmbeddedDatabase embedded;

  private DatabaseStartup(DatabaseOptions options, EmbeddedDatabase embedded) {
    this.options = options;
    this.embedded = embedded;
  }

  /** The database to use, its schema migrated when {@code database.migrateOnStart} says so. */
  public static Future<DatabaseStartup> ensure(Vertx vertx, DatabaseOptions configured) {
    return answers(vertx, configured).compose(reachable -> {
      if (reachable) {
        return Future.succeededFuture(new DatabaseStartup(configured, null));
      }
      if (!configured.embeddedFallback()) {
        return Future.failedFuture(ChorusError.of(ErrorCode.STORAGE_UNAVAILABLE, "no PostgreSQL answers at "
            + configured.host() + ":" + configured.port() + " (database.host, database.port) and "
            + "database.embeddedFallback is false").exception());
      }
      LOG.info("No PostgreSQL at {}:{}; starting an embedded one", configured.host(), configured.port());
      return EmbeddedDatabase.start(vertx, new EmbeddedDatabaseOptions()).map(server -> new DatabaseStartup(
          configured.at(server.host(), server.port(), server.database(), server.user()), server));
    }).compose(startup -> !startup.options.migrateOnStart()
        ? Future.succeededFuture(startup)
        : Database.migrate(vertx, startup.options).map(version -> startup));
  }

  /** The options verticles should use: the configured ones, or the embedded server's address. */
  public DatabaseOptions options() {
    return options;
  }

  /** Stops the embedded server, if one was started. */
  public Future<Void> stop() {
    return embedded == null ? Future.succeededFuture() : embedded.stop();
  }

  private static Future<Boolean> answers(Vertx vertx, DatabaseOptions options) {
    NetClient client = vertx.createNetClient(new NetClientOptions().setConnectTimeout(options.connectTimeoutMs()));
    return client.connect(options.port(), options.host())
        .compose(socket -> socket.close().map(true))
        .otherwise(false)
        .eventually(() -> client.close());
  }
}
