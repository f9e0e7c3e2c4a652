package io.chorus.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The configuration layers the benchmark lays over {@code conf/application.yaml}: one for the
 * simulator process, one for the Chorus node (a brand with many LinkedIn accounts and a campaign
 * that posts for all of them every slot).
 */
final class Overlays {
  /** Quotas so high that neither the simulator nor Chorus's own limiter caps the run. */
  private static final int UNLIMITED = 100_000_000;

  private Overlays() {}

  static Path simulator(Path dir, int port, int latencyMs) throws IOException {
    String yaml = """
        simulator:
          host: 127.0.0.1
          port: %d
          latencyMs: %d
          quotas:
            linkedinPostsPerDay: %d
        """.formatted(port, latencyMs, UNLIMITED);
    return Files.writeString(dir.resolve("simulator.yaml"), yaml);
  }

  /**
   * Posts go out at their slot: no jitter and no minimum spacing per account, which would
   * otherwise spread one account's post a second over hours by design. LinkedIn only: the simulated X and Facebook refuse duplicate texts, and the offline generator
   * repeats itself across hundreds of accounts; one LinkedIn post is one HTTP call, like X's.
   */
  static Path node(Path dir, BenchOptions options, int httpPort, int simulatorPort, String runId)
      throws IOException {
    String simulator = "http://127.0.0.1:" + simulatorPort;
    StringBuilder yaml = new StringBuilder("""
        http:
          port: %d
        database:
          name: %s
          poolSize: %d
          embeddedFallback: false
        rateLimit:
          keyPrefix: "chorus:bench:%s:"
        leader:
          planIntervalMs: 1000
          planHorizonSeconds: %d
        pipeline:
          batchSize: %d
          pollIntervalMs: %d
        scheduling:
          jitterSeconds: 0
          minSpacingSeconds: 0
        media:
          baseUrl: %s/media
        platforms:
          linkedin:
            baseUrl: %s/linkedin
            rateLimit: {requests: %d, periodSeconds: 60}
        brands:
          - id: bench
            name: Benchmark Brand
            timeZone: UTC
            voice: clear and friendly
            bannedWords: [guaranteed]
            accounts:
        """.formatted(httpPort, options.database(), options.poolSize(), runId, options.planHorizonSeconds(),
        options.batchSize(), options.pollIntervalMs(), simulator, simulator, UNLIMITED));
    for (int i = 1; i <= options.accounts(); i++) {
      String id = "bench-li-%04d".formatted(i);
      yaml.append("""
                - {id: %s, platform: linkedin, handle: "Bench %d", externalId: "urn:li:organization:%d", accessToken: "demo:%s"}
          """.formatted(id, i, 90_000_000 + i, id));
    }
    yaml.append("""
        campaigns:
          - id: bench-load
            brand: bench
            name: Benchmark load
            brief: >-
              A steady stream of short announcements for a coffee roaster, one per account and slot.
            keyMessages: [roasted every Tuesday, fair prices for farmers, tastes of caramel]
            hashtags: ["#Bench", "#Coffee"]
            trends: [slow mornings]
            callToAction: Visit bench.example
            platforms: [linkedin]
            calendar:
              everySeconds: %d
        """.formatted(options.everySeconds()));
    return Files.writeString(dir.resolve("node.yaml"), yaml);
  }
}
