package io.chorus.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** What one benchmark run does, from its command-line arguments ({@code --name value}). */
record BenchOptions(
    Path repository,
    int durationSeconds,
    int warmupSeconds,
    int accounts,
    int everySeconds,
    int batchSize,
    int pollIntervalMs,
    int poolSize,
    int planHorizonSeconds,
    int simulatorLatencyMs,
    int vacuumSeconds,
    String pgHost,
    int pgPort,
    String pgUser,
    String database,
    String label) {

  static final String USAGE = """
      usage: bench/run [--duration SECONDS] [--warmup SECONDS] [--accounts N] [--every SECONDS]
                       [--batch-size N] [--poll-ms N] [--pool-size N] [--horizon SECONDS]
                       [--sim-latency MS] [--vacuum-every SECONDS] [--pg-host H] [--pg-port N] [--pg-user U] [--database NAME]
                       [--label TEXT] [--repository DIR]
        --duration     measured seconds after the warm-up (default 300)
        --warmup       seconds before measuring, while the first planned posts flow (default 60)
        --accounts     LinkedIn accounts of the benchmark brand; one post each per slot (default 600)
        --every        seconds between calendar slots (default 1): accounts/every posts a second are offered
        --batch-size   pipeline.batchSize (default 200)
        --poll-ms      pipeline.pollIntervalMs (default 250)
        --pool-size    database.poolSize, per verticle (default 8)
        --horizon      leader.planHorizonSeconds (default 10)
        --sim-latency  simulator.latencyMs (default 50)
        --vacuum-every when the server's autovacuum is off, vacuum the tables this often (default 15;
                       0: never)
        --database     a database the benchmark drops and creates (default chorus_bench)
      """;

  static BenchOptions parse(String[] args) {
    List<String> rest = new ArrayList<>(List.of(args));
    return new BenchOptions(
        Path.of(take(rest, "--repository", ".")).toAbsolutePath().normalize(),
        Integer.parseInt(take(rest, "--duration", "300")),
        Integer.parseInt(take(rest, "--warmup", "60")),
        Integer.parseInt(take(rest, "--accounts", "600")),
        Integer.parseInt(take(rest, "--every", "1")),
        Integer.parseInt(take(rest, "--batch-size", "200")),
        Integer.parseInt(take(rest, "--poll-ms", "250")),
        Integer.parseInt(take(rest, "--pool-size", "8")),
        Integer.parseInt(take(rest, "--horizon", "10")),
        Integer.parseInt(take(rest, "--sim-latency", "50")),
        Integer.parseInt(take(rest, "--vacuum-every", "15")),
        take(rest, "--pg-host", "127.0.0.1"),
        Integer.parseInt(take(rest, "--pg-port", "5432")),
        take(rest, "--pg-user", "postgres"),
        take(rest, "--database", "chorus_bench"),
        take(rest, "--label", ""))
        .requireNothingLeft(rest);
  }

  /** Posts per second the campaign's calendar offers. */
  double offeredPerSecond() {
    return (double) accounts / everySeconds;
  }

  String jdbcUrl(String databaseName) {
    return "jdbc:postgresql://" + pgHost + ":" + pgPort + "/" + databaseName;
  }

  private BenchOptions requireNothingLeft(List<String> rest) {
    if (!rest.isEmpty()) {
      throw new IllegalArgumentException("unknown arguments " + rest + "\n" + USAGE);
    }
    return this;
  }

  private static String take(List<String> args, String name, String fallback) {
    int at = args.indexOf(name);
    if (at < 0) {
      return fallback;
    }
    if (at + 1 >= args.size()) {
      throw new IllegalArgumentException(name + " needs a value\n" + USAGE);
    }
    String value = args.get(at + 1);
    args.subList(at, at + 2).clear();
    return value;
  }
}
