package io.chorus.launcher;

import io.chorus.config.ConfigException;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.eventbus.EventBusOptions;
import io.vertx.core.json.JsonObject;
import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * What the long-running commands share: turning configuration problems into exit code 2, starting
 * Vert.x (clustered or not), waiting on the main thread for SIGTERM, and stopping within a grace
 * period.
 */
final class Launch {
  static final int STOPPED = 0;
  static final int COULD_NOT_START = 1;
  static final int INVALID_CONFIGURATION = 2;
  /** How long a stop may take before the process exits anyway. */
  static final Duration STOP_GRACE = Duration.ofSeconds(8);

  private Launch() {}

  /** Prints each configuration problem on its own line; returns the exit code for them. */
  static int reportProblems(ConfigException problems, PrintStream err) {
    err.println("chorus: the configuration is not valid:");
    problems.problems().forEach(problem -> err.println("  " + problem));
    return INVALID_CONFIGURATION;
  }

  static Vertx vertx(JsonObject config) throws Exception {
    NodeOptions node = NodeOptions.fromConfig(config);
    Vertx vertx;
    if (node.clustered()) {
      VertxOptions options = new VertxOptions()
          .setEventBusOptions(new EventBusOptions().setHost(node.clusterHost()).setPort(0));
      vertx = await(Vertx.builder().with(options).withClusterManager(ClusterManagers.hazelcast(node))
          .buildClustered());
    } else {
      vertx = Vertx.vertx();
    }
    return vertx;
  }

  /** Blocks the main thread until the JVM is asked to stop, then runs {@code stop} within the grace. */
  static int runUntilStopped(Function<Void, Future<?>> stop, Vertx vertx) {
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        await(stop.apply(null).eventually(vertx::close));
      } catch (Exception failure) {
        System.err.println("chorus: stopping took too long or failed: " + failure.getMessage());
      } finally {
        stopped.countDown();
      }
    }, "chorus-shutdown"));
    try {
      stopped.await();
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
    }
    return STOPPED;
  }

  /** Waits for a future on the main thread, never on an event loop. */
  static <T> T await(Future<T> future) throws Exception {
    try {
      return future.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    } catch (ExecutionException failed) {
      throw failed.getCause() instanceof Exception cause ? cause : failed;
    } catch (TimeoutException slow) {
      throw new IllegalStateException("timed out", slow);
    }
  }
}
