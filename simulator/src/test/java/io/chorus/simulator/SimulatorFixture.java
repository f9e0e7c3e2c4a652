package io.chorus.simulator;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Shared test plumbing: polling a simulated endpoint until it reports a state, with a deadline. */
final class SimulatorFixture {

  private static final long POLL_EVERY_MS = 50;

  private SimulatorFixture() {
  }

  static Future<HttpResponse<Buffer>> pollUntil(Vertx vertx, Supplier<Future<HttpResponse<Buffer>>> call,
      Predicate<HttpResponse<Buffer>> done, long timeoutMs) {
    Promise<HttpResponse<Buffer>> promise = Promise.promise();
    poll(vertx, call, done, System.currentTimeMillis() + timeoutMs, promise);
    return promise.future();
  }

  private static void poll(Vertx vertx, Supplier<Future<HttpResponse<Buffer>>> call,
      Predicate<HttpResponse<Buffer>> done, long deadline, Promise<HttpResponse<Buffer>> promise) {
    call.get().onFailure(promise::fail).onSuccess(response -> {
      if (done.test(response)) {
        promise.complete(response);
      } else if (System.currentTimeMillis() > deadline) {
        promise.fail(new AssertionError("Still not done at the deadline: " + response.bodyAsString()));
      } else {
        vertx.setTimer(POLL_EVERY_MS, timer -> poll(vertx, call, done, deadline, promise));
      }
    });
  }
}
