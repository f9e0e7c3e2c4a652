package io.chorus.config;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The keys that environment variables and system properties can set, taken from the schema:
 * every scalar or scalar-list property, named {@code CHORUS_HTTP_PORT} in the environment and
 * {@code chorus.http.port} as a system property, plus the extra names of {@code x-env} annotations.
 */
final class SchemaKeys {
  static final String ENV_PREFIX = "CHORUS_";
  static final String PROPERTY_PREFIX = "chorus.";

  /** One settable key: its dotted path and its schema node. */
  record Key(String path, JsonObject node) {
  }

  private final Map<String, Key> byEnv = new LinkedHashMap<>();
  private final Map<String, Key> byAlias = new LinkedHashMap<>();
  private final Map<String, Key> byPath = new LinkedHashMap<>();

  SchemaKeys(ConfigSchema schema) {
    collect(schema, schema.root(), new ArrayList<>());
  }

  Optional<Key> env(String name) {
    return Optional.ofNullable(byEnv.get(name));
  }

  /** The key an {@code x-env} alias such as CHORUS_BOOTSTRAP_TOKEN sets. */
  Optional<Key> alias(String name) {
    return Optional.ofNullable(byAlias.get(name));
  }

  Optional<Key> path(String dotted) {
    return Optional.ofNullable(byPath.get(dotted));
  }

  Collection<String> envNames() {
    return byEnv.keySet();
  }

  Collection<String> paths() {
    return byPath.keySet();
  }

  /** The environment variable of a key path: CHORUS_ and the path in upper snake case. */
  private static String envName(List<String> segments) {
    return ENV_PREFIX + segments.stream()
        .map(segment -> segment.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT))
        .collect(Collectors.joining("_"));
  }

  private void collect(ConfigSchema schema, JsonObject node, List<String> segments) {
    JsonObject properties = node.getJsonObject("properties");
    if (properties == null) {
      return;
    }
    for (String name : properties.fieldNames()) {
      JsonObject child = schema.property(node, name);
      List<String> childSegments = new ArrayList<>(segments);
      childSegments.add(name);
      if (child.containsKey("properties")) {
        collect(schema, child, childSegments);
      } else if (settable(schema, child)) {
        add(child, childSegments);
      }
    }
  }

  private void add(JsonObject node, List<String> segments) {
    Key key = new Key(String.join(".", segments), node);
    byEnv.put(envName(segments), key);
    byPath.put(key.path(), key);
    String alias = node.getString("x-env");
    if (alias != null) {
      byAlias.put(alias, key);
    }
  }

  /** Scalars and lists of scalars can be written as one string; lists of mappings cannot. */
  private static boolean settable(ConfigSchema schema, JsonObject node) {
    if (!ConfigSchema.types(node).contains("array")) {
      return true;
    }
    JsonObject items = schema.items(node);
    return items == null || !items.containsKey("properties");
  }
}
