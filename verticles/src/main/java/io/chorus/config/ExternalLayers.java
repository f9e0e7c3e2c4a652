package io.chorus.config;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Lays the environment, then system properties, then overrides over the merged files. Within
 * the environment an {@code x-env} alias is applied before the key's own CHORUS_ name, so the
 * own name wins when both are set.
 */
final class ExternalLayers {
  /** Names the launcher reads itself; they are not configuration keys but are not mistakes either. */
  private static final Set<String> LAUNCHER_ENV = Set.of("CHORUS_PROFILE", "CHORUS_CONF_DIR");
  private static final Set<String> LAUNCHER_PROPERTIES = Set.of("chorus.profile", "chorus.conf.dir");

  private final ConfigSchema schema;
  private final SchemaKeys keys;
  private final List<String> problems;
  private final List<String> warnings;

  ExternalLayers(ConfigSchema schema, List<String> problems, List<String> warnings) {
    this.schema = schema;
    this.keys = new SchemaKeys(schema);
    this.problems = problems;
    this.warnings = warnings;
  }

  void apply(JsonObject config, ConfigSource source) {
    Map<String, String> env = new TreeMap<>(source.env());
    env.forEach((name, raw) -> keys.alias(name).ifPresent(key -> set(config, key, raw, name)));
    env.forEach((name, raw) -> {
      if (name.startsWith(SchemaKeys.ENV_PREFIX) && keys.alias(name).isEmpty() && !LAUNCHER_ENV.contains(name)) {
        keys.env(name).ifPresentOrElse(
            key -> set(config, key, raw, name),
            () -> warnings.add(unknown(name, keys.envNames())));
      }
    });
    List<String> propertyNames = keys.paths().stream().map(path -> SchemaKeys.PROPERTY_PREFIX + path).toList();
    new TreeMap<>(source.systemProperties()).forEach((name, raw) -> {
      if (name.startsWith(SchemaKeys.PROPERTY_PREFIX) && !LAUNCHER_PROPERTIES.contains(name)) {
        keys.path(name.substring(SchemaKeys.PROPERTY_PREFIX.length())).ifPresentOrElse(
            key -> set(config, key, raw, "-D" + name),
            () -> warnings.add(unknown(name, propertyNames)));
      }
    });
    source.overrides().forEach((path, value) -> put(config, path, normalized(value), "override " + path));
  }

  private void set(JsonObject config, SchemaKeys.Key key, String raw, String origin) {
    try {
      put(config, key.path(), ValueConverter.convert(schema, key.node(), raw), origin);
    } catch (IllegalArgumentException unreadable) {
      problems.add(key.path() + ": " + Phrases.value(raw, key.node()) + " from " + origin + " is not "
          + unreadable.getMessage() + "; expected " + Phrases.expected(schema, key.node()));
    }
  }

  private void put(JsonObject config, String path, Object value, String origin) {
    String[] segments = path.split("\\.");
    JsonObject parent = config;
    for (int i = 0; i < segments.length - 1; i++) {
      Object next = parent.getValue(segments[i]);
      if (next == null) {
        next = new JsonObject();
        parent.put(segments[i], next);
      }
      if (!(next instanceof JsonObject object)) {
        String prefix = String.join(".", List.of(segments).subList(0, i + 1));
        problems.add(path + ": cannot be set by " + origin + " because " + prefix + " is "
            + Phrases.kind(next) + "; expected " + prefix + " to be a mapping");
        return;
      }
      parent = object;
    }
    parent.put(segments[segments.length - 1], value);
  }

  private static String unknown(String name, Collection<String> known) {
    String warning = name + " is not a configuration key and was ignored";
    return Suggestions.closest(name, known).map(s -> warning + " (did you mean " + s + "?)").orElse(warning);
  }

  /** Maps and lists given as overrides become JSON values, as the YAML layers are. */
  private static Object normalized(Object value) {
    return new JsonArray().add(value).copy().getValue(0);
  }
}
