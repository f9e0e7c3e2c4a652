package io.chorus.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A JVM the benchmark starts (the simulator or the Chorus node), its log in a file, its CPU time read from /proc. */
final class ChildProcess implements AutoCloseable {
  private final String name;
  private final Process process;
  private final Path log;

  private ChildProcess(String name, Process process, Path log) {
    this.name = name;
    this.process = process;
    this.log = log;
  }

  static ChildProcess start(String name, List<String> command, Path workDir, Path log) throws IOException {
    Process process = new ProcessBuilder(command)
        .directory(workDir.toFile())
        .redirectErrorStream(true)
        .redirectOutput(log.toFile())
        .start();
    return new ChildProcess(name, process, log);
  }

  long pid() {
    return process.pid();
  }

  /** Waits until the log shows {@code marker}; fails if the process dies or the timeout passes. */
  ChildProcess awaitLog(String marker, Duration timeout) throws IOException, InterruptedException {
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      if (Files.readString(log).contains(marker)) {
        return this;
      }
      if (!process.isAlive()) {
        throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + log);
      }
      Thread.sleep(200);
    }
    throw new IllegalStateException(name + " did not log '" + marker + "' within " + timeout + "; see " + log);
  }

  /** User plus system CPU time of the process so far, in milliseconds. */
  long cpuMillis() throws IOException {
    return Proc.cpuMillis(process.pid());
  }

  /** Asks the process to stop (SIGTERM) and waits for it; kills it if it takes too long. */
  @Override
  public void close() throws InterruptedException {
    if (!process.isAlive()) {
      return;
    }
    process.destroy();
    if (!process.waitFor(20, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
    }
  }
}
