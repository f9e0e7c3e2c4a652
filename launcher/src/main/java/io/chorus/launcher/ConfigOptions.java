package io.chorus.launcher;

import io.chorus.config.ChorusConfig;
import io.chorus.config.ConfigException;
import io.chorus.config.ConfigSource;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import picocli.CommandLine.Option;

/** The options every command shares for finding and layering the configuration. */
final class ConfigOptions {
  @Option(names = "--config", paramLabel = "FILE",
      description = "A YAML file layered over conf/application.yaml and the profile overlay.")
  Path configFile;

  @Option(names = "--profile", paramLabel = "NAME", defaultValue = "${env:CHORUS_PROFILE}",
      description = "Adds conf/application-NAME.yaml (default: $CHORUS_PROFILE).")
  String profile;

  @Option(names = "--conf-dir", paramLabel = "DIR", defaultValue = "${env:CHORUS_CONF_DIR:-conf}",
      description = "Where application.yaml and schema.json live (default: $CHORUS_CONF_DIR or ./conf).")
  Path confDir;

  /** Loads and validates the configuration from these options, the environment and system properties. */
  Future<JsonObject> loadAsync(Vertx vertx, String defaultProfile, Map<String, Object> overrides) {
    Map<String, String> systemProperties = new HashMap<>();
    System.getProperties().forEach((key, value) -> systemProperties.put(String.valueOf(key), String.valueOf(value)));
    ConfigSource source = new ConfigSource(confDir, profile == null ? defaultProfile : profile, configFile,
        System.getenv(), systemProperties, overrides);
    return ChorusConfig.load(vertx, source);
  }

  /**
   * Loads and validates the configuration, blocking the calling (main) thread.
   *
   * @throws ConfigException listing every problem found
   */
  JsonObject load(Vertx vertx, String defaultProfile, Map<String, Object> overrides) throws ConfigException {
    try {
      return loadAsync(vertx, defaultProfile, overrides).toCompletionStage().toCompletableFuture().get();
    } catch (ExecutionException failed) {
      if (failed.getCause() instanceof ConfigException problems) {
        throw problems;
      }
      throw new IllegalStateException(failed.getCause().getMessage(), failed.getCause());
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while loading the configuration", interrupted);
    }
  }
}
