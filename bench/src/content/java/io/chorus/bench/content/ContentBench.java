package io.chorus.bench.content;

import io.chorus.content.ContentVerticle;
import io.chorus.content.image.ImageVerticle;
import io.chorus.contracts.Addresses;
import io.chorus.contracts.Contracts;
import io.chorus.contracts.Platform;
import io.chorus.contracts.content.GenerateRequest;
import io.chorus.contracts.content.GeneratedContent;
import io.chorus.contracts.content.ImageRequest;
import io.chorus.storage.Database;
import io.chorus.storage.DatabaseOptions;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;

/**
 * Generations per second through the Content side's bus addresses, their latency, and the node's
 * CPU time per generation: {@code text} asks chorus.content.generate with no provider (the offline
 * generator), {@code llm} asks it with the chain {@code [provider, offline]} pointed at a simulated
 * OpenAI or Anthropic API, {@code images} asks chorus.content.image with a generator pointed at a
 * simulated image API. The simulator runs in its own process, so its work is not counted as the
 * node's CPU.
 *
 * <p>Arguments: {@code text|llm|images [concurrency] [seconds] [warmupSeconds] [simulatorBaseUrl] [provider]}.
 */
public final class ContentBench {
  private ContentBench() {}

  public static void main(String[] args) throws Exception {
    String mode = args.length > 0 ? args[0] : "text";
    int concurrency = args.length > 1 ? Integer.parseInt(args[1]) : 32;
    int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 30;
    int warmup = args.length > 3 ? Integer.parseInt(args[3]) : 10;
    String providerUrl = args.length > 4 ? args[4] : "http://127.0.0.1:8089";
    String provider = args.length > 5 ? args[5] : mode.equals("llm") ? "openai" : "stability";
    Vertx vertx = Vertx.vertx();
    Contracts.registerCodecs(vertx);
    JsonObject config = config(providerUrl, provider);
    LongFunction<Future<?>> call = deploy(vertx, mode, config, providerUrl, provider);
    System.out.printf("mode %s, concurrency %d, warm-up %d s, measured %d s%n", mode, concurrency, warmup, seconds);
    run(call, concurrency, warmup, new Latencies());
    var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    long cpuBefore = os.getProcessCpuTime();
    long started = System.nanoTime();
    Latencies latencies = new Latencies();
    long[] outcome = run(call, concurrency, seconds, latencies);
    double elapsed = (System.nanoTime() - started) / 1e9;
    double cpuMs = (os.getProcessCpuTime() - cpuBefore) / 1e6;
    System.out.printf("generations %d, failures %d, %.1f s: %.1f generations/s, %.3f ms CPU per generation,"
        + " latency p50 %.1f ms, p99 %.1f ms%n", outcome[0], outcome[1], elapsed, outcome[0] / elapsed,
        outcome[0] == 0 ? 0 : cpuMs / outcome[0], latencies.percentile(50), latencies.percentile(99));
    vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  /** Deploys what the mode measures and answers how to make one generation with a given seed. */
  private static LongFunction<Future<?>> deploy(Vertx vertx, String mode, JsonObject config, String providerUrl,
      String provider) throws Exception {
    if (mode.equals("llm")) {
      config.getJsonObject("content").mergeIn(llm(providerUrl, provider));
      await(Database.migrate(vertx, DatabaseOptions.fromConfig(config)));
      await(vertx.deployVerticle(new ContentVerticle(), new DeploymentOptions().setConfig(config)));
      // A fallback to the offline generator is an answer, but not the provider's: it counts as a failure.
      return seed -> generate(vertx, seed).map(Message::body).compose(content -> content.provider().equals(provider)
          ? Future.succeededFuture(content)
          : Future.failedFuture("answered by " + content.provider() + ", not " + provider));
    }
    if (mode.equals("images")) {
      await(Database.migrate(vertx, DatabaseOptions.fromConfig(config)));
      await(vertx.deployVerticle(new ImageVerticle(), new DeploymentOptions().setConfig(config)));
      return seed -> vertx.eventBus().request(Addresses.CONTENT_IMAGE, new ImageRequest("bench-" + seed, "bench",
          "bench", Platform.INSTAGRAM, "a cup of coffee at dawn, number " + seed, List.of(), seed),
          new DeliveryOptions().setSendTimeout(120_000));
    }
    await(vertx.deployVerticle(new ContentVerticle(), new DeploymentOptions().setConfig(config)));
    return seed -> generate(vertx, seed);
  }

  /** One post's text for the Autumn Harvest campaign; the seed, unique per request, keeps it out of any cache. */
  private static Future<Message<GeneratedContent>> generate(Vertx vertx, long seed) {
    return vertx.eventBus().request(Addresses.CONTENT_GENERATE, new GenerateRequest("bench-" + seed,
        "bench", "bench", Platform.values()[(int) (seed % 5)],
        "Launch of the Autumn Harvest Blend, a medium roast from a single farm in Huila, Colombia. Available now.",
        "warm", List.of("roasted in small batches every Tuesday", "tastes like baked apple and caramel"),
        List.of("#AutumnHarvest", "#Northwind"), List.of("cosy mornings", "first frost"),
        "Find it at northwind.example/autumn", seed, null), new DeliveryOptions().setSendTimeout(120_000));
  }

  /**
   * Keeps {@code concurrency} requests in flight for {@code seconds}; counts successes and failures
   * and notes each success's latency.
   */
  private static long[] run(LongFunction<Future<?>> call, int concurrency, int seconds, Latencies latencies)
      throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    AtomicLong seeds = new AtomicLong(System.nanoTime());
    AtomicLong ok = new AtomicLong();
    AtomicLong failed = new AtomicLong();
    Promise<Void> done = Promise.promise();
    AtomicLong running = new AtomicLong(concurrency);
    for (int i = 0; i < concurrency; i++) {
      loop(call, seeds, ok, failed, latencies, deadline, () -> {
        if (running.decrementAndGet() == 0) {
          done.tryComplete();
        }
      });
    }
    done.future().toCompletionStage().toCompletableFuture().get(seconds + 180L, TimeUnit.SECONDS);
    return new long[] {ok.get(), failed.get()};
  }

  private static void loop(LongFunction<Future<?>> call, AtomicLong seeds, AtomicLong ok, AtomicLong failed,
      Latencies latencies, long deadline, Runnable finished) {
    if (System.nanoTime() >= deadline) {
      finished.run();
      return;
    }
    long sent = System.nanoTime();
    call.apply(seeds.incrementAndGet()).onComplete(result -> {
      if (result.succeeded()) {
        ok.incrementAndGet();
        latencies.add(System.nanoTime() - sent);
      } else if (failed.incrementAndGet() <= 5) {
        System.out.println("failure: " + result.cause());
      }
      loop(call, seeds, ok, failed, latencies, deadline, finished);
    });
  }

  /** The chain {@code [provider, offline]}, the provider at the simulator, streaming as shipped, no cache. */
  private static JsonObject llm(String simulatorUrl, String provider) {
    boolean anthropic = provider.equals("anthropic");
    JsonObject endpoint = new JsonObject()
        .put("baseUrl", simulatorUrl + (anthropic ? "/anthropic" : "/openai/v1"))
        .put("model", anthropic ? "claude-haiku-4-5" : "gpt-4o-mini")
        .put("apiKeys", new JsonArray().add("sk-bench-1").add("sk-bench-2"))
        .put("stream", true).put("maxTokens", 400).put("temperature", 0.8)
        .put("connectTimeoutMs", 5000).put("idleTimeoutMs", 15000).put("deadlineMs", 60000);
    return new JsonObject()
        .put("chain", new JsonArray().add(provider).add("offline"))
        .put("providers", new JsonObject().put(provider, endpoint))
        .put("cache", new JsonObject().put("enabled", false));
  }

  /**
   * Latencies of the measured window, in nanoseconds. Added to from the event loops, so without a
   * lock; read once, after the window.
   */
  private static final class Latencies {
    private final ConcurrentLinkedQueue<Long> values = new ConcurrentLinkedQueue<>();

    void add(long nanos) {
      values.add(nanos);
    }

    /** The percentile in milliseconds, nearest rank. */
    double percentile(double p) {
      long[] sorted = values.stream().mapToLong(Long::longValue).sorted().toArray();
      if (sorted.length == 0) {
        return 0;
      }
      int rank = (int) Math.ceil(p / 100 * sorted.length);
      return sorted[Math.max(0, rank - 1)] / 1e6;
    }
  }

  private static JsonObject config(String providerUrl, String provider) {
    JsonObject endpoint = new JsonObject().put("baseUrl", providerUrl + "/" + provider).put("apiKey", "sk-bench");
    return new JsonObject()
        .put("database", new JsonObject().put("host", "127.0.0.1").put("port", 5432).put("name", "test")
            .put("user", "postgres").put("schema", "chorus_bench_content").put("poolSize", 8)
            .put("migrateOnStart", true).put("embeddedFallback", false).put("connectTimeoutMs", 5000))
        .put("circuitBreaker", new JsonObject().put("maxFailures", 1000).put("resetMs", 1000))
        .put("media", new JsonObject().put("baseUrl", providerUrl + "/media"))
        .put("content", new JsonObject().put("offline", new JsonObject().put("seed", 1))
            .put("images", new JsonObject().put("provider", provider).put(provider, endpoint)));
  }

  private static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(120, TimeUnit.SECONDS);
  }
}
