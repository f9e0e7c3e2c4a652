package io.chorus.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The pipeline benchmark: starts the platform simulator and one Chorus node as separate processes,
 * lets a campaign offer more posts a second than the target, and measures, after a warm-up, posts
 * published per second, CPU per post (node, PostgreSQL, simulator), PostgreSQL transactions per
 * post and the slot-to-publication latency.
 */
public final class PipelineBench {
  private static final int INTERVAL_SECONDS = 10;

  private final BenchOptions options;
  private final PgProbe probe;
  private final Path runDir;
  private Set<Long> backends = new HashSet<>();
  private ChildProcess node;
  private ChildProcess simulator;
  private Vacuumer vacuumer;

  private PipelineBench(BenchOptions options, PgProbe probe, Path runDir) {
    this.options = options;
    this.probe = probe;
    this.runDir = runDir;
  }

  public static void main(String[] args) throws Exception {
    if (List.of(args).contains("--help")) {
      System.out.print(BenchOptions.USAGE);
      return;
    }
    BenchOptions options;
    try {
      options = BenchOptions.parse(args);
    } catch (IllegalArgumentException bad) {
      System.err.println(bad.getMessage());
      System.exit(2);
      return;
    }
    String runId = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC).format(Instant.now());
    Path runDir = Files.createDirectories(options.repository().resolve("bench/target/runs/" + runId));
    try (PgProbe probe = PgProbe.open(options)) {
      Report report = new PipelineBench(options, probe, runDir).run(runId);
      System.out.println();
      System.out.print(report.table());
      System.out.println("Appended to " + report.append(options.repository().resolve("bench/results")));
    }
  }

  private Report run(String runId) throws Exception {
    Machine machine = Machine.describe(probe.serverVersion());
    String loadBefore = Proc.loadAverage();
    probe.recreateDatabase();
    try {
      startProcesses(runId);
      probe.connectToBenchDatabase(options);
      startVacuuming();
      log("warming up for %d s", options.warmupSeconds());
      watch(Instant.now().plusSeconds(options.warmupSeconds()));
      Sample start = sample();
      log("measuring for %d s", options.durationSeconds());
      watch(start.at().plusSeconds(options.durationSeconds()));
      Sample end = sample();
      Sample.Delta delta = end.since(start, probe.publishedSince(start.at()) - probe.publishedSince(end.at()));
      return new Report(options, machine, start.at(), delta, probe.latencyMillis(start.at(), end.at()),
          probe.publishedPerInterval(start.at(), end.at(), INTERVAL_SECONDS), INTERVAL_SECONDS,
          probe.overdue(), probe.states(), loadBefore, Proc.loadAverage(), probe.statementsAvailable(), vacuuming());
    } finally {
      stopProcesses();
    }
  }

  private void startProcesses(String runId) throws IOException, InterruptedException {
    Path jar = options.repository().resolve("launcher/target/chorus.jar");
    if (!Files.exists(jar)) {
      throw new IllegalStateException(jar + " is missing; build it with mvn -q install -DskipTests");
    }
    int simulatorPort = freePort();
    String java = ProcessHandle.current().info().command().orElse("java");
    Path confDir = options.repository().resolve("conf");
    List<String> simulatorCommand = List.of(java, "-jar", jar.toString(), "simulator", "--conf-dir",
        confDir.toString(), "--config", Overlays.simulator(runDir, simulatorPort, options.simulatorLatencyMs()).toString());
    simulator = ChildProcess.start("simulator", simulatorCommand, options.repository(), runDir.resolve("simulator.log"))
        .awaitLog("Simulator listening on", Duration.ofSeconds(60));
    Path nodeConfig = Overlays.node(runDir, options, freePort(), simulatorPort, runId);
    List<String> nodeCommand = List.of(java, "-jar", jar.toString(), "run", "--conf-dir", confDir.toString(),
        "--config", nodeConfig.toString());
    node = ChildProcess.start("chorus node", nodeCommand, options.repository(), runDir.resolve("node.log"))
        .awaitLog("Chorus node started", Duration.ofSeconds(120));
    log("simulator pid %d on port %d, node pid %d; logs in %s", simulator.pid(), simulatorPort, node.pid(), runDir);
  }

  private void startVacuuming() throws SQLException {
    if (!probe.autovacuumOn() && options.vacuumSeconds() > 0) {
      vacuumer = Vacuumer.every(options, options.vacuumSeconds());
      log("the server's autovacuum is off: vacuuming %s every %d s instead", options.database(),
          options.vacuumSeconds());
    }
  }

  private String vacuuming() throws SQLException {
    if (probe.autovacuumOn()) {
      return "the server's autovacuum";
    }
    return vacuumer == null ? "none (the server's autovacuum is off)"
        : "the harness, every %d s (%d runs; the server's autovacuum is off)".formatted(options.vacuumSeconds(),
            vacuumer.runs());
  }

  private void stopProcesses() throws Exception {
    if (vacuumer != null) {
      vacuumer.close();
    }
    if (node != null) {
      node.close();
    }
    if (simulator != null) {
      simulator.close();
    }
  }

  /** Prints progress every interval until {@code until}. */
  private void watch(Instant until) throws SQLException, InterruptedException {
    while (Instant.now().isBefore(until)) {
      Instant from = Instant.now();
      Thread.sleep(Math.min(INTERVAL_SECONDS * 1000L, Math.max(1, Duration.between(from, until).toMillis())));
      long published = probe.publishedSince(from);
      log("%.0f posts/s published, %d overdue", published / (Duration.between(from, Instant.now()).toMillis() / 1000.0),
          probe.overdue());
    }
  }

  private Sample sample() throws IOException, SQLException {
    // Backends present at either sample count; a pool connection opened in between is counted whole.
    backends.addAll(probe.backendPids());
    long[] machine = Proc.machineMillis();
    return new Sample(Instant.now(), node.cpuMillis(), simulator.cpuMillis(), Proc.cpuMillis(new ArrayList<>(backends)),
        probe.transactions(), machine[0], machine[1]);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static void log(String format, Object... args) {
    System.out.printf("%tT  %s%n", Instant.now().atZone(ZoneOffset.UTC), format.formatted(args));
  }
}
