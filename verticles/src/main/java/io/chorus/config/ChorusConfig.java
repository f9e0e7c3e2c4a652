package io.chorus.config;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads Chorus's configuration: application.yaml, the profile overlay, the {@code --config} file,
 * CHORUS_* environment variables, chorus.* system properties and overrides, in that order, then
 * validates it against conf/schema.json and the rules the schema cannot express, and resolves its
 * secret references. The result is the configuration every verticle is deployed with.
 */
public final class ChorusConfig {
  private static final Logger LOG = LoggerFactory.getLogger(ChorusConfig.class);

  private ChorusConfig() {
  }

  /**
   * The validated configuration with its secrets resolved, or a failure with a {@link ConfigException}
   * listing every problem found, one line each.
   */
  public static Future<JsonObject> load(Vertx vertx, ConfigSource source) {
    return loadWithWarnings(vertx, source).map(Loaded::config);
  }

  /** A loaded configuration and the warnings met on the way (CHORUS_* names that are not keys). */
  record Loaded(JsonObject config, List<String> warnings) {
  }

  static Future<Loaded> loadWithWarnings(Vertx vertx, ConfigSource source) {
    Future<ConfigSchema> schema = ConfigSchema.read(vertx, source.confDir());
    Future<JsonObject> files = new YamlLayers(vertx).read(source);
    return Future.join(schema, files).transform(read -> {
      List<String> problems = new ArrayList<>();
      problems.addAll(problemsOf(schema));
      problems.addAll(problemsOf(files));
      return problems.isEmpty()
          ? check(vertx, source, schema.result(), files.result())
          : Future.failedFuture(new ConfigException(problems));
    });
  }

  private static Future<Loaded> check(Vertx vertx, ConfigSource source, ConfigSchema schema, JsonObject config) {
    List<String> problems = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    new ExternalLayers(schema, problems, warnings).apply(config, source);
    warnings.forEach(LOG::warn);
    problems.addAll(schema.validate(config));
    problems.addAll(SemanticChecks.of(config));
    return Secrets.resolve(vertx, schema, config, source.env()).compose(secretProblems -> {
      problems.addAll(secretProblems);
      return problems.isEmpty()
          ? Future.succeededFuture(new Loaded(config, List.copyOf(warnings)))
          : Future.failedFuture(new ConfigException(problems));
    });
  }

  private static List<String> problemsOf(Future<?> step) {
    if (step.succeeded()) {
      return List.of();
    }
    return step.cause() instanceof ConfigException invalid
        ? invalid.problems()
        : List.of(String.valueOf(step.cause().getMessage()));
  }
}
