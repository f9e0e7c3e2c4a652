package io.chorus.config;

import java.util.List;

/** A configuration that cannot be used, with one line per problem naming the key, the value and what was expected. */
public final class ConfigException extends RuntimeException {
  private final List<String> problems;

  public ConfigException(List<String> problems) {
    super("invalid configuration:\n  " + String.join("\n  ", problems), null, false, false);
    this.problems = List.copyOf(problems);
  }

  /** The problems, one line each, in the order they were found. */
  public List<String> problems() {
    return problems;
  }
}
