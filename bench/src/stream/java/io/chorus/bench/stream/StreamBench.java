package io.chorus.bench.stream;

import io.chorus.contracts.Addresses;
import io.chorus.contracts.Contracts;
import io.chorus.contracts.metrics.LatencySummary;
import io.chorus.contracts.metrics.LiveMetrics;
import io.chorus.web.WebVerticle;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.json.JsonObject;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * How many Server-Sent Events clients one web verticle holds at one event a second, with the p99
 * delay from publishing an event on the bus to a client reading it; then, in the same run, how many
 * requests a second the web verticle's Meta webhook ingests (signature checked, event stored in
 * PostgreSQL, then acknowledged) next to a bare Vert.x endpoint ({@link IngestBench}). The server
 * is one Vert.x instance with the real WebVerticle; the event-stream clients run in a second JVM
 * ({@link StreamClients}), so that each process holds one socket per client; the ingest load comes
 * from another Vert.x instance in this JVM. All share the machine's cores.
 *
 * <p>Usage: {@code StreamBench [clients,...] [seconds per level] [results file]}.
 */
public final class StreamBench {
  private static final String HOST = "127.0.0.1";

  public static void main(String[] args) {
    try {
      run(args);
    } catch (Throwable failed) {
      failed.printStackTrace();
      // Vert.x's threads would keep a failed run's JVM alive.
      System.exit(1);
    }
    System.exit(0);
  }

  private static void run(String[] args) throws Exception {
    int[] levels = Arrays.stream((args.length > 0 ? args[0] : "1000,5000,10000").split(","))
        .mapToInt(Integer::parseInt).toArray();
    int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
    Path results = Path.of(args.length > 2 ? args[2] : "bench/results/" + LocalDate.now() + "-stream.md");

    Vertx server = Vertx.vertx();
    Vertx clients = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2));
    Contracts.registerCodecs(server);
    WebVerticle web = new WebVerticle();
    await(server.deployVerticle(web, new DeploymentOptions().setConfig(config())));

    StringBuilder report = new StringBuilder();
    report.append("\n## Run of ").append(Instant.now()).append("\n\n")
        .append("Machine: ").append(Machine.describe()).append("\n\n")
        .append("### Event stream, one event a second\n\n")
        .append("| clients | connected | dropped by the server | events expected | events received | p50 | p99 | max |\n")
        .append("|---|---|---|---|---|---|---|---|\n");
    long openFiles = Machine.openFilesLimit();
    try (ClientProcess streamClients = ClientProcess.start(web.actualPort())) {
      for (int level : levels) {
        // Each process holds one end of every connection, plus its own files (jars, epoll, pipes).
        if (level + 1_000L > openFiles) {
          report.append("| %,d | not run: needs about %,d open files in each process (one socket a client), "
              .formatted(level, level + 1_000L))
              .append("the limit is %,d (`ulimit -n`, hard limit %s) | | | | | | |\n".formatted(openFiles,
                  Machine.openFilesHardLimit()));
          continue;
        }
        report.append(streamLevel(server, streamClients, web, level, seconds)).append('\n');
        System.out.println(report);
      }
    }
    report.append('\n');
    IngestBench ingest = IngestBench.prepare(server);
    try {
      report.append(ingest.run(server, clients, web.actualPort(), seconds));
    } finally {
      await(clients.close());
      await(server.close());
      ingest.close();
    }
    report.append("\nLoad average at the end: ").append(Machine.loadAverage()).append('\n');
    System.out.println(report);
    Files.createDirectories(results.getParent());
    Files.writeString(results, report.toString(), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
  }

  /** Has the client process connect {@code count} clients, publishes one event a second, and summarises what arrived. */
  private static String streamLevel(Vertx server, ClientProcess streamClients, WebVerticle web, int count, int seconds)
      throws Exception {
    String[] connected = streamClients.command("connect " + count, 240);
    int refused = Integer.parseInt(connected[2]);
    int atStart = web.streamClients();
    streamClients.command("reset", 30);
    long timer = server.setPeriodic(1_000, tick -> server.eventBus().publish(Addresses.METRICS_LIVE, metrics()));
    Thread.sleep(seconds * 1_000L + 500);
    server.cancelTimer(timer);
    Thread.sleep(1_000);
    int stillConnected = web.streamClients();
    String[] read = streamClients.command("report", 60);
    long received = Long.parseLong(read[1]);
    // Let the server see the level's connections close before the next level counts its own.
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (web.streamClients() > 0 && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
    return "| %,d | %,d%s | %,d | %,d | %,d | %s | %s | %s |".formatted(count, atStart,
        refused == 0 ? "" : " (%,d refused)".formatted(refused), atStart - stillConnected, (long) atStart * seconds,
        received, ms(Long.parseLong(read[2])), ms(Long.parseLong(read[3])), ms(Long.parseLong(read[4])));
  }

  private static String ms(long micros) {
    return micros < 0 ? "–" : "%.1f ms".formatted(micros / 1_000.0);
  }

  private static LiveMetrics metrics() {
    return new LiveMetrics(Instant.now(), Map.of("x", Map.of("PUBLISHED", 10L), "linkedin", Map.of("SCHEDULED", 3L)),
        new LatencySummary(10, 120, 250, 400));
  }

  private static JsonObject config() {
    return new JsonObject()
        .put("http", new JsonObject().put("host", HOST).put("port", 0))
        // The stream is under /api/v1, open here; the webhooks are outside it and check signatures.
        .put("auth", new JsonObject().put("required", false))
        .put("webhooks", IngestBench.webhooksConfig())
        .put("sse", new JsonObject().put("heartbeatMs", 15_000).put("maxQueuedBytes", 262_144)
            .put("replayBufferSize", 1_000).put("agentHealthIntervalMs", 3_600_000))
        .put("redis", new JsonObject().put("uri", "redis://127.0.0.1:6379"))
        .put("session", new JsonObject());
  }

  private static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
  }

  /** The {@link StreamClients} process: the same Java and classpath as this one, driven line by line. */
  static final class ClientProcess implements AutoCloseable {
    private final Process process;
    private final BufferedReader answers;
    private final Writer commands;

    private ClientProcess(Process process) {
      this.process = process;
      this.answers = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
      this.commands = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
    }

    static ClientProcess start(int port) throws Exception {
      String java = ProcessHandle.current().info().command().orElse("java");
      return new ClientProcess(new ProcessBuilder(java, "-Xmx1g", "-cp", System.getProperty("java.class.path"),
          StreamClients.class.getName(), Integer.toString(port))
          .redirectError(ProcessBuilder.Redirect.INHERIT)
          .start());
    }

    /** Sends one command and returns the words of its answer (the first is the answer's name). */
    String[] command(String command, long timeoutSeconds) throws Exception {
      commands.write(command + "\n");
      commands.flush();
      CompletableFuture<String> answer = CompletableFuture.supplyAsync(() -> {
        try {
          String line;
          while ((line = answers.readLine()) != null) {
            if (line.startsWith(StreamClients.ANSWER)) {
              return line.substring(StreamClients.ANSWER.length());
            }
            // A log line of the client process.
            System.out.println(line);
          }
          throw new IllegalStateException("the client process ended");
        } catch (java.io.IOException e) {
          throw new UncheckedIOException(e);
        }
      });
      return answer.get(timeoutSeconds, TimeUnit.SECONDS).split(" ");
    }

    @Override
    public void close() throws Exception {
      try {
        commands.write("quit\n");
        commands.flush();
      } catch (java.io.IOException gone) {
        // Already ended.
      }
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroy();
      }
    }
  }

  /** What the benchmark ran on. */
  static final class Machine {
    static String describe() throws Exception {
      String model = Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
          .filter(line -> line.startsWith("model name"))
          .map(line -> line.substring(line.indexOf(':') + 1).trim()).findFirst().orElse("unknown");
      String load = loadAverage();
      return "%s, nproc %d, Linux %s, %s %s; load average at start %s".formatted(model,
          Runtime.getRuntime().availableProcessors(), Files.readString(Path.of("/proc/sys/kernel/osrelease")).trim(),
          System.getProperty("java.vm.name"), System.getProperty("java.runtime.version"), load);
    }

    /** The 1, 5 and 15 minute load averages. */
    static String loadAverage() throws Exception {
      String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
      return parts[0] + " " + parts[1] + " " + parts[2];
    }

    /** This process's limit on open files (the soft limit, which applies). */
    static long openFilesLimit() throws Exception {
      String value = openFiles()[0];
      return "unlimited".equals(value) ? Long.MAX_VALUE : Long.parseLong(value);
    }

    static String openFilesHardLimit() throws Exception {
      return openFiles()[1];
    }

    private static String[] openFiles() throws Exception {
      String line = Files.readAllLines(Path.of("/proc/self/limits")).stream()
          .filter(l -> l.startsWith("Max open files")).findFirst().orElseThrow();
      String[] fields = line.substring("Max open files".length()).trim().split("\\s+");
      return new String[] {fields[0], fields[1]};
    }
  }
}
