package io.chorus.storage.embedded;

import java.util.Objects;

/** How to start an {@link EmbeddedDatabase}: where its data lives, its port, its database and whether to keep the data. */
public class EmbeddedDatabaseOptions {

  /** Port 0 lets the embedded server take a free port. */
  public static final int DEFAULT_PORT = 0;
  public static final String DEFAULT_DATABASE = "chorus";
  public static final boolean DEFAULT_KEEP_DATA = false;

  private String dataDirectory;
  private int port = DEFAULT_PORT;
  private String database = DEFAULT_DATABASE;
  private boolean keepData = DEFAULT_KEEP_DATA;

  public EmbeddedDatabaseOptions() {
  }

  public EmbeddedDatabaseOptions(EmbeddedDatabaseOptions other) {
    this.dataDirectory = other.dataDirectory;
    this.port = other.port;
    this.database = other.database;
    this.keepData = other.keepData;
  }

  /** The data directory, or {@code null} for a new temporary one. */
  public String getDataDirectory() {
    return dataDirectory;
  }

  /**
   * Sets the data directory; an existing cluster in it is reused, an empty or missing one is initialised.
   * {@code null} means a new temporary directory.
   */
  public EmbeddedDatabaseOptions setDataDirectory(String dataDirectory) {
    this.dataDirectory = dataDirectory;
    return this;
  }

  public int getPort() {
    return port;
  }

  /** Sets the TCP port on 127.0.0.1; 0 takes a free one. */
  public EmbeddedDatabaseOptions setPort(int port) {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be 0 (any free port) or 1-65535, not " + port);
    }
    this.port = port;
    return this;
  }

  public String getDatabase() {
    return database;
  }

  /** Sets the database to create (when missing) and hand out; {@code postgres} uses the built-in one. */
  public EmbeddedDatabaseOptions setDatabase(String database) {
    Objects.requireNonNull(database, "database");
    if (database.isBlank()) {
      throw new IllegalArgumentException("database name must not be blank");
    }
    this.database = database;
    return this;
  }

  public boolean isKeepData() {
    return keepData;
  }

  /** Whether {@link EmbeddedDatabase#stop()} leaves the data directory in place instead of deleting it. */
  public EmbeddedDatabaseOptions setKeepData(boolean keepData) {
    this.keepData = keepData;
    return this;
  }
}
