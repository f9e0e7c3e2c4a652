package io.chorus.simulator;

import io.chorus.simulator.impl.SimulatorImpl;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

/**
 * An HTTP server standing in for X, Facebook, Instagram, LinkedIn, TikTok and the OpenAI and Anthropic
 * APIs on this machine.
 */
public interface Simulator {

  static Simulator create(Vertx vertx, SimulatorOptions options) {
    return new SimulatorImpl(vertx, options);
  }

  /** Starts listening; completes with this simulator once the port is bound. */
  Future<Simulator> listen();

  /** The bound port, meaningful once {@link #listen()} has completed. */
  int actualPort();

  /** Where the simulator answers, e.g. {@code http://127.0.0.1:8089}. */
  String baseUrl();

  /** The base URL a platform client should use, e.g. {@code http://127.0.0.1:8089/x}. */
  default String baseUrl(String platformId) {
    return baseUrl() + "/" + platformId;
  }

  Future<Void> close();
}
