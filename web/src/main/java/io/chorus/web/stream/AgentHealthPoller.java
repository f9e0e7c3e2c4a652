package io.chorus.web.stream;

import io.chorus.contracts.Addresses;
import io.chorus.contracts.Platform;
import io.chorus.contracts.health.HealthQuery;
import io.chorus.contracts.health.HealthReport;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Asks every platform agent and the pipeline how they are, on their status addresses, and hands
 * the answers to the stream registry as one {@code agent-health} event. An agent that does not
 * answer in time is reported down.
 */
public final class AgentHealthPoller {
  private final Vertx vertx;
  private final StreamRegistry registry;
  private final DeliveryOptions delivery;

  public AgentHealthPoller(Vertx vertx, StreamRegistry registry, long answerTimeoutMs) {
    this.vertx = vertx;
    this.registry = registry;
    this.delivery = new DeliveryOptions().setSendTimeout(answerTimeoutMs);
  }

  /** Starts polling every {@code intervalMs}, at once first; returns the timer id. */
  public long start(long intervalMs) {
    return vertx.setPeriodic(0, intervalMs, tick -> poll());
  }

  /** Asks every agent once and publishes their answers together. */
  public Future<List<HealthReport>> poll() {
    List<Future<HealthReport>> answers = new ArrayList<>();
    for (Platform platform : Platform.values()) {
      answers.add(ask(platform.address(Addresses.STATUS), platform.id()));
    }
    answers.add(ask(Addresses.PIPELINE_STATUS, "pipeline"));
    return Future.join(answers).map(all -> {
      List<HealthReport> reports = answers.stream().map(Future::result).toList();
      registry.publishAgentHealth(Instant.now(), reports);
      return reports;
    });
  }

  private Future<HealthReport> ask(String address, String component) {
    return vertx.eventBus().<HealthReport>request(address, new HealthQuery(), delivery)
        .map(reply -> reply.body())
        .otherwise(failure -> new HealthReport(component, false, false, "no answer: " + failure.getMessage()));
  }
}
