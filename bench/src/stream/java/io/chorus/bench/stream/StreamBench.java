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
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How many Server-Sent Events clients one web verticle holds at one event a second, with the p99
 * delay from publishing an event on the bus to a client reading it; then, in the same run, how many
 * requests a second the web verticle's Meta webhook ingests (signature checked, event stored in
 * PostgreSQL, then acknowledged) next to a bare Vert.x endpoint ({@link IngestBench}). The server
 * (one Vert.x instance, the real WebVerticle) and the clients (another Vert.x instance) share this JVM.
 *
 * <p>Usage: {@code StreamBench [clients,...] [seconds per level] [results file]}.
 */
public final class StreamBench {
  private static final String HOST = "127.0.0.1";

  public static void main(String[] args) throws Exception {
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
    for (int level : levels) {
      // Each client is two sockets in this JVM (its end and the server's), plus the JVM's own files.
      if (2L * level + 1_000 > openFiles) {
        report.append("| %,d | not run: needs about %,d open files (two sockets a client, both in this JVM), "
            .formatted(level, 2L * level + 1_000))
            .append("the limit is %,d (`ulimit -n`, hard limit %s) | | | | | | |\n".formatted(openFiles,
                Machine.openFilesHardLimit()));
        continue;
      }
      report.append(streamLevel(server, clients, web, level, seconds)).append('\n');
      System.out.println(report);
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

  /** Connects {@code count} clients, publishes one event a second, and summarises what arrived. */
  private static String streamLevel(Vertx server, Vertx clientVertx, WebVerticle web, int count, int seconds)
      throws Exception {
    HttpClient http = clientVertx.createHttpClient(new HttpClientOptions().setKeepAlive(true),
        new PoolOptions().setHttp1MaxSize(count));
    List<Long> latencies = java.util.Collections.synchronizedList(new ArrayList<>());
    AtomicInteger connected = new AtomicInteger();
    AtomicLong received = new AtomicLong();
    List<Future<?>> opening = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      opening.add(http.request(HttpMethod.GET, web.actualPort(), HOST, "/api/v1/stream")
          .compose(request -> request.send())
          .onSuccess(response -> {
            connected.incrementAndGet();
            StringBuilder pending = new StringBuilder();
            response.handler(chunk -> read(pending, chunk, latencies, received));
          }));
      if (i % 500 == 499) {
        // Let the accept queue drain; thousands of simultaneous connects overflow its backlog.
        Thread.sleep(100);
      }
    }
    Future.join(opening).toCompletionStage().toCompletableFuture().get(120, TimeUnit.SECONDS);
    int atStart = web.streamClients();
    latencies.clear();
    received.set(0);
    long timer = server.setPeriodic(1_000, tick -> server.eventBus().publish(Addresses.METRICS_LIVE, metrics()));
    Thread.sleep(seconds * 1_000L + 500);
    server.cancelTimer(timer);
    Thread.sleep(1_000);
    int stillConnected = web.streamClients();
    await(http.close());
    long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
    return "| %,d | %,d | %,d | %,d | %,d | %s | %s | %s |".formatted(count, atStart, atStart - stillConnected,
        (long) atStart * seconds, received.get(), ms(sorted, 0.50), ms(sorted, 0.99),
        sorted.length == 0 ? "–" : (sorted[sorted.length - 1] / 1_000) + " ms");
  }

  private static void read(StringBuilder pending, Buffer chunk, List<Long> latencies, AtomicLong received) {
    pending.append(chunk.toString());
    int end;
    while ((end = pending.indexOf("\n\n")) >= 0) {
      String frame = pending.substring(0, end);
      pending.delete(0, end + 2);
      int data = frame.indexOf("data: ");
      if (frame.contains("event: metrics") && data >= 0) {
        String at = new JsonObject(frame.substring(data + 6)).getString("at");
        Instant sent = Instant.parse(at);
        long micros = TimeUnit.NANOSECONDS.toMicros(java.time.Duration.between(sent, Instant.now()).toNanos());
        latencies.add(micros);
        received.incrementAndGet();
      }
    }
  }

  private static LiveMetrics metrics() {
    return new LiveMetrics(Instant.now(), Map.of("x", Map.of("PUBLISHED", 10L), "linkedin", Map.of("SCHEDULED", 3L)),
        new LatencySummary(10, 120, 250, 400));
  }

  private static String ms(long[] sorted, double quantile) {
    if (sorted.length == 0) {
      return "–";
    }
    long micros = sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)];
    return "%.1f ms".formatted(micros / 1_000.0);
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
