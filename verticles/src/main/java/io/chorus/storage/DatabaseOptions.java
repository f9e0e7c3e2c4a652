package io.chorus.storage;

import io.vertx.core.json.JsonObject;
import io.vertx.pgclient.PgConnectOptions;
import java.util.Map;

/** Where PostgreSQL is and how to use it: the {@code database} section of the configuration. */
public record DatabaseOptions(
    String host,
    int port,
    String name,
    String user,
    String password,
    String schema,
    int poolSize,
    boolean migrateOnStart,
    boolean embeddedFallback,
    int connectTimeoutMs) {

  public static DatabaseOptions fromConfig(JsonObject config) {
    JsonObject db = config.getJsonObject("database");
    return new DatabaseOptions(
        db.getString("host"),
        db.getInteger("port"),
        db.getString("name"),
        db.getString("user"),
        db.getString("password"),
        db.getString("schema"),
        db.getInteger("poolSize"),
        db.getBoolean("migrateOnStart"),
        db.getBoolean("embeddedFallback"),
        db.getInteger("connectTimeoutMs"));
  }

  /** The same database at another address, e.g. an embedded server that stands in. */
  public DatabaseOptions at(String newHost, int newPort, String newName, String newUser) {
    return new DatabaseOptions(newHost, newPort, newName, newUser, null, schema, poolSize, migrateOnStart,
        embeddedFallback, connectTimeoutMs);
  }

  public String jdbcUrl() {
    return "jdbc:postgresql://" + host + ":" + port + "/" + name;
  }

  /** This configuration's {@code database} section, e.g. to hand a changed address to verticles. */
  public JsonObject toJson() {
    return new JsonObject()
        .put("host", host).put("port", port).put("name", name).put("user", user).put("password", password)
        .put("schema", schema).put("poolSize", poolSize).put("migrateOnStart", migrateOnStart)
        .put("embeddedFallback", embeddedFallback).put("connectTimeoutMs", connectTimeoutMs);
  }

  PgConnectOptions connectOptions() {
    PgConnectOptions options = new PgConnectOptions()
        .setHost(host)
        .setPort(port)
        .setDatabase(name)
        .setUser(user)
        .setPipeliningLimit(16)
        .setProperties(Map.of("search_path", schema, "application_name", "chorus"));
    if (password != null) {
      options.setPassword(password);
    }
    return options;
  }
}
