package io.chorus.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One {@code java -jar chorus.jar ...} child process of a test, run with the test JVM's own
 * {@code java}; each start writes its output to a file of its own, so a restart keeps the output
 * of the run before it.
 */
final class ChorusProcess implements AutoCloseable {
  /** How long a stopped process gets to exit after SIGTERM before it is killed. */
  private static final Duration STOP_GRACE = Duration.ofSeconds(15);

  private final String name;
  private final Path logDir;
  private final List<String> command;
  private final Map<String, String> environment;
  private final List<Path> logs = new ArrayList<>();
  private Process process;

  private ChorusProcess(String name, Path logDir, List<String> command, Map<String, String> environment) {
    this.name = name;
    this.logDir = logDir;
    this.command = command;
    this.environment = environment;
  }

  /**
   * A process of the jar with these arguments; {@code CHORUS_*} variables of the test's own
   * environment are left out so that only {@code environment} configures it.
   */
  static ChorusProcess of(String name, Path jar, Path logDir, Map<String, String> environment, List<String> args) {
    List<String> command = new ArrayList<>();
    command.add(javaExecutable());
    // A small heap and the quick compiler: three JVMs share two cores with the build.
    command.addAll(List.of("-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-jar", jar.toString()));
    command.addAll(args);
    return new ChorusProcess(name, logDir, command, environment);
  }

  String name() {
    return name;
  }

  /** Starts (or starts again) the process, its output going to a new file. */
  ChorusProcess start() {
    Path log = logDir.resolve(name + (logs.isEmpty() ? "" : "-run" + (logs.size() + 1)) + ".log");
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().keySet().removeIf(key -> key.startsWith("CHORUS_"));
    builder.environment().putAll(environment);
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException("could not start " + name, e);
    }
    logs.add(log);
    return this;
  }

  /**
   * Waits until a line the current run printed matches {@code pattern}.
   *
   * @throws AssertionError when the process exits or the time runs out first
   */
  Matcher awaitLine(Pattern pattern, Duration timeout) throws InterruptedException {
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      for (String line : lines(logs.get(logs.size() - 1))) {
        Matcher matcher = pattern.matcher(line);
        if (matcher.find()) {
          return matcher;
        }
      }
      if (!process.isAlive()) {
        throw new AssertionError(name + " exited with " + process.exitValue() + " before printing " + pattern);
      }
      Thread.sleep(100);
    }
    throw new AssertionError(name + " did not print " + pattern + " within " + timeout);
  }

  /** Kills the process with SIGKILL (what {@link Process#destroyForcibly()} sends on Linux); returns its exit code. */
  int kill() throws InterruptedException {
    process.destroyForcibly();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      throw new AssertionError(name + " survived SIGKILL for 30 s");
    }
    return process.exitValue();
  }

  /** The last {@code count} lines of every run's output, run by run. */
  String tail(int count) {
    StringBuilder tail = new StringBuilder();
    for (Path log : logs) {
      List<String> lines = lines(log);
      tail.append("---- ").append(log.getFileName()).append(" (last ").append(Math.min(count, lines.size()))
          .append(" of ").append(lines.size()).append(" lines)\n");
      lines.subList(Math.max(0, lines.size() - count), lines.size()).forEach(line -> tail.append(line).append('\n'));
    }
    return tail.toString();
  }

  /** Asks the process to stop (SIGTERM), and kills it when it takes longer than the grace period. */
  @Override
  public void close() throws InterruptedException {
    if (process == null || !process.isAlive()) {
      return;
    }
    process.destroy();
    if (!process.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
      kill();
    }
  }

  private static List<String> lines(Path log) {
    try {
      return Files.exists(log) ? Files.readAllLines(log, StandardCharsets.UTF_8) : List.of();
    } catch (IOException e) {
      // Output is read while the process still writes it; a torn read is retried by the caller's poll.
      return List.of();
    }
  }

  private static String javaExecutable() {
    return ProcessHandle.current().info().command()
        .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
  }
}
