package io.chorus.platform;

import io.chorus.contracts.ChorusError;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.Optional;
import java.util.function.Supplier;

/** Looks at an asynchronous publication again and again, on timers, until it is done or attempts run out. */
public final class Poller {
  private final Vertx vertx;
  private final long intervalMs;
  private final int attempts;

  public Poller(Vertx vertx, long intervalMs, int attempts) {
    this.vertx = vertx;
    this.intervalMs = intervalMs;
    this.attempts = attempts;
  }

  /**
   * Runs the check at once and then every interval until it yields a value; fails with the
   * given error when the last attempt yields nothing. A failed check ends the polling.
   */
  public <T> Future<T> until(Supplier<Future<Optional<T>>> check, Supplier<ChorusError> gaveUp) {
    return attempt(1, check, gaveUp);
  }

  private <T> Future<T> attempt(int attempt, Supplier<Future<Optional<T>>> check, Supplier<ChorusError> gaveUp) {
    return check.get().compose(result -> {
      if (result.isPresent()) {
        return Future.succeededFuture(result.get());
      }
      if (attempt >= attempts) {
        return Future.failedFuture(gaveUp.get().exception());
      }
      return vertx.timer(intervalMs).compose(fired -> attempt(attempt + 1, check, gaveUp));
    });
  }
}
