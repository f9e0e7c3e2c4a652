package io.chorus.config;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Where a configuration comes from: the conf directory, an optional profile and {@code --config}
 * file, the environment and system properties to read {@code CHORUS_*} and {@code chorus.*} keys
 * from, and overrides (dotted key path to value) applied after everything else.
 */
public record ConfigSource(
    Path confDir,
    String profile,
    Path configFile,
    Map<String, String> env,
    Map<String, String> systemProperties,
    Map<String, Object> overrides) {

  public ConfigSource {
    Objects.requireNonNull(confDir, "confDir");
    // An empty CHORUS_PROFILE means no profile.
    profile = profile == null || profile.isBlank() ? null : profile.trim();
    env = Map.copyOf(env);
    systemProperties = Map.copyOf(systemProperties);
    // Overrides may set a key to null, which Map.copyOf refuses.
    overrides = Collections.unmodifiableMap(new LinkedHashMap<>(overrides));
  }

  /** The configuration of this process: its environment and system properties, no overrides. */
  public static ConfigSource ofProcess(Path confDir, String profile, Path configFile) {
    Map<String, String> properties = new LinkedHashMap<>();
    System.getProperties().forEach((name, value) -> properties.put(name.toString(), value.toString()));
    return new ConfigSource(confDir, profile, configFile, System.getenv(), properties, Map.of());
  }

  /** Only the conf directory's files: no profile, no environment, no system properties. */
  public static ConfigSource of(Path confDir) {
    return new ConfigSource(confDir, null, null, Map.of(), Map.of(), Map.of());
  }

  public ConfigSource withProfile(String name) {
    return new ConfigSource(confDir, name, configFile, env, systemProperties, overrides);
  }

  public ConfigSource withConfigFile(Path file) {
    return new ConfigSource(confDir, profile, file, env, systemProperties, overrides);
  }

  public ConfigSource withEnv(Map<String, String> variables) {
    return new ConfigSource(confDir, profile, configFile, variables, systemProperties, overrides);
  }

  public ConfigSource withSystemProperties(Map<String, String> properties) {
    return new ConfigSource(confDir, profile, configFile, env, properties, overrides);
  }

  /** This source with one more override, e.g. {@code platforms.x.baseUrl} pointed at the simulator. */
  public ConfigSource withOverride(String keyPath, Object value) {
    Map<String, Object> more = new LinkedHashMap<>(overrides);
    more.put(keyPath, value);
    return new ConfigSource(confDir, profile, configFile, env, systemProperties, more);
  }
}
