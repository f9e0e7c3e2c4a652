package io.chorus.simulator.impl;

import io.chorus.simulator.Simulator;
import io.chorus.simulator.SimulatorOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

/** Deploys the simulator's verticle and remembers where it listens. */
public final class SimulatorImpl implements Simulator {

  private final Vertx vertx;
  private final SimulatorOptions options;
  private SimulatorVerticle verticle;
  private String deploymentId;

  public SimulatorImpl(Vertx vertx, SimulatorOptions options) {
    this.vertx = vertx;
    this.options = options;
  }

  @Override
  public Future<Simulator> listen() {
    if (verticle != null) {
      return Future.failedFuture(new IllegalStateException("The simulator is already listening"));
    }
    verticle = new SimulatorVerticle(options);
    return vertx.deployVerticle(verticle)
        .onFailure(failure -> verticle = null)
        .map(id -> {
          deploymentId = id;
          return this;
        });
  }

  @Override
  public int actualPort() {
    return verticle == null ? -1 : verticle.actualPort();
  }

  @Override
  public String baseUrl() {
    return "http://" + options.getHost() + ":" + actualPort();
  }

  @Override
  public Future<Void> close() {
    if (deploymentId == null) {
      return Future.succeededFuture();
    }
    String id = deploymentId;
    deploymentId = null;
    verticle = null;
    return vertx.undeploy(id);
  }
}
