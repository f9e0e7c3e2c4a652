package io.chorus.pipeline;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a batch round over and over on its verticle's context, one at a time: again at once after
 * a full batch (more is waiting), after the poll interval otherwise or after a failure.
 */
public final class RoundLoop {
  private static final Logger LOG = LoggerFactory.getLogger(RoundLoop.class);

  private final Vertx vertx;
  private final String name;
  private final long pollIntervalMs;
  private final int batchSize;
  private final Supplier<Future<Integer>> round;
  private boolean stopping;
  private long timer = -1;
  private Future<Integer> current = Future.succeededFuture(0);

  /**
   * @param round one round; its result is how many items it handled, compared with {@code batchSize}
   */
  public RoundLoop(Vertx vertx, String name, long pollIntervalMs, int batchSize, Supplier<Future<Integer>> round) {
    this.vertx = vertx;
    this.name = name;
    this.pollIntervalMs = pollIntervalMs;
    this.batchSize = batchSize;
    this.round = round;
  }

  public void start() {
    next(0);
  }

  /** Whether {@link #stop()} was called: rounds under way use it to start nothing new. */
  public boolean stopping() {
    return stopping;
  }

  /** Schedules no further round; the future completes when the round under way, if any, has. */
  public Future<Void> stop() {
    stopping = true;
    vertx.cancelTimer(timer);
    return current.transform(done -> Future.succeededFuture());
  }

  private void next(long delayMs) {
    if (stopping) {
      return;
    }
    timer = vertx.setTimer(Math.max(delayMs, 1), tick -> {
      current = round.get();
      current.onComplete(result -> {
        if (result.failed()) {
          LOG.warn("{} round failed; trying again in {} ms: {}", name, pollIntervalMs, result.cause().getMessage());
        }
        boolean fullBatch = result.succeeded() && result.result() >= batchSize;
        next(fullBatch ? 0 : pollIntervalMs);
      });
    });
  }
}
