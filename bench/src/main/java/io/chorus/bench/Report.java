package io.chorus.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** One run's results: printed as a table and appended to {@code bench/results/<date>-pipeline.md}. */
record Report(
    BenchOptions options,
    Machine machine,
    Instant startedAt,
    Sample.Delta delta,
    double[] latencyMs,
    List<Long> perInterval,
    int intervalSeconds,
    long overdueAtEnd,
    Map<String, Long> states,
    String loadBefore,
    String loadAfter,
    boolean statementsAvailable,
    String vacuum) {

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  String table() {
    StringBuilder out = new StringBuilder("| measure | value |\n|---|---|\n");
    rows().forEach(row -> out.append("| ").append(row[0]).append(" | ").append(row[1]).append(" |\n"));
    return out.toString();
  }

  /** Appends this run to the day's results file, writing the machine description first if the file is new. */
  Path append(Path resultsDir) throws IOException {
    Files.createDirectories(resultsDir);
    String day = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC).format(startedAt);
    Path file = resultsDir.resolve(day + "-pipeline.md");
    if (!Files.exists(file)) {
      Files.writeString(file, header(day));
    }
    Files.writeString(file, section(), StandardOpenOption.APPEND);
    return file;
  }

  private String header(String day) {
    return """
        # Pipeline benchmark, %s

        Machine: %s, %d cores, %s memory, Linux %s; %s; %s.
        Runs are appended below by `bench/run`, newest last; the analysis is written by hand.

        """.formatted(day, machine.cpuModel(), machine.cores(), machine.memory(), machine.kernel(), machine.java(),
        machine.postgres());
  }

  private String section() {
    String label = options.label().isBlank() ? "" : " — " + options.label();
    return """
        ## Run of %s%s

        Configuration: %d LinkedIn accounts, a slot every %d s (%.0f posts/s offered), pipeline.batchSize %d,
        pipeline.pollIntervalMs %d, database.poolSize %d, leader.planHorizonSeconds %d, simulator latency %d ms;
        %d s warm-up, then %d s measured. Vacuum: %s. Load average before: %s; after: %s.

        %s
        Posts published per %d s interval: %s.

        Posts by state at the end: %s.

        """.formatted(TIME.format(startedAt), label, options.accounts(), options.everySeconds(),
        options.offeredPerSecond(), options.batchSize(), options.pollIntervalMs(), options.poolSize(),
        options.planHorizonSeconds(), options.simulatorLatencyMs(), options.warmupSeconds(),
        options.durationSeconds(), vacuum, loadBefore, loadAfter, table(), intervalSeconds,
        perInterval.stream().map(String::valueOf).collect(Collectors.joining(", ")),
        states.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", ")));
  }

  private List<String[]> rows() {
    double seconds = delta.seconds();
    long min = perInterval.stream().mapToLong(Long::longValue).min().orElse(0);
    long max = perInterval.stream().mapToLong(Long::longValue).max().orElse(0);
    return List.of(
        row("posts published", "%d in %.0f s".formatted(delta.posts(), seconds)),
        row("posts per second", "%.1f (slowest %d s interval %.1f, fastest %.1f)".formatted(delta.postsPerSecond(),
            intervalSeconds, (double) min / intervalSeconds, (double) max / intervalSeconds)),
        row("posts overdue at the end", "%d (slot passed, not yet published)".formatted(overdueAtEnd)),
        row("slot to published, p50 / p95", "%.0f ms / %.0f ms".formatted(latencyMs[0], latencyMs[1])),
        row("Chorus node CPU per post", "%.2f ms (%.2f cores)".formatted(delta.perPost(delta.nodeCpuMs()),
            delta.cores(delta.nodeCpuMs()))),
        row("PostgreSQL backends CPU per post", "%.2f ms (%.2f cores)".formatted(
            delta.perPost(delta.postgresCpuMs()), delta.cores(delta.postgresCpuMs()))),
        row("simulator CPU per post", "%.2f ms (%.2f cores)".formatted(delta.perPost(delta.simulatorCpuMs()),
            delta.cores(delta.simulatorCpuMs()))),
        row("rest of the machine", "%.2f cores (other processes, PostgreSQL's shared writers)".formatted(
            delta.cores(delta.otherCpuMs()))),
        row("machine busy", "%.2f of %.0f cores".formatted(delta.cores(delta.machineBusyMs()), delta.machineCores())),
        row("PostgreSQL transactions per post", "%.3f (%d commits and rollbacks%s)".formatted(
            delta.perPost(delta.transactions()), delta.transactions(), statementsAvailable
                ? "" : "; pg_stat_statements is not loaded, so statements are not counted")));
  }

  private static String[] row(String name, String value) {
    return new String[] {name, value};
  }
}
