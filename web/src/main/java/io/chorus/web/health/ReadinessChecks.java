package io.chorus.web.health;

import io.chorus.contracts.Addresses;
import io.chorus.contracts.ChorusError;
import io.chorus.contracts.Platform;
import io.chorus.contracts.health.HealthQuery;
import io.chorus.contracts.health.HealthReport;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.healthchecks.HealthChecks;
import io.vertx.ext.healthchecks.Status;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.healthchecks.HealthCheckHandler;

/**
 * The readiness probe: the node is ready when the pipeline answers and says it is up. Each
 * platform agent's health is reported too, for people, without deciding readiness.
 */
public final class ReadinessChecks {
  /** The check whose failure makes the node not ready. */
  public static final String PIPELINE_CHECK = "pipeline";

  private ReadinessChecks() {}

  /** The {@code /health/ready} handler; each component gets {@code timeoutMs} to answer. */
  public static HealthCheckHandler handler(Vertx vertx, long timeoutMs) {
    EventBus bus = vertx.eventBus();
    DeliveryOptions delivery = new DeliveryOptions().setSendTimeout(timeoutMs);
    // The bus times out first, so a silent component reads as DOWN rather than as a failed probe.
    long procedureTimeoutMs = timeoutMs * 2;
    HealthChecks checks = HealthChecks.create(vertx)
        .register(PIPELINE_CHECK, procedureTimeoutMs, pipeline(bus, delivery));
    for (Platform platform : Platform.values()) {
      checks.register("platform-" + platform.id(), procedureTimeoutMs, informational(bus, delivery, platform));
    }
    return HealthCheckHandler.createWithHealthChecks(checks);
  }

  /** The {@code /health/live} handler: the verticle answers, so the process is alive. */
  public static Handler<RoutingContext> liveness() {
    return rc -> rc.json(new JsonObject().put("status", "UP"));
  }

  private static Handler<Promise<Status>> pipeline(EventBus bus, DeliveryOptions delivery) {
    return promise -> ask(bus, Addresses.PIPELINE_STATUS, delivery)
        .onSuccess(report -> promise.complete(new Status().setOk(report.up()).setData(toJson(report))))
        .onFailure(failure -> promise.complete(Status.KO(unreachable(failure))));
  }

  private static Handler<Promise<Status>> informational(EventBus bus, DeliveryOptions delivery, Platform platform) {
    return promise -> ask(bus, platform.address(Addresses.STATUS), delivery)
        .onSuccess(report -> promise.complete(Status.OK(toJson(report))))
        .onFailure(failure -> promise.complete(Status.OK(unreachable(failure))));
  }

  private static Future<HealthReport> ask(EventBus bus, String address, DeliveryOptions delivery) {
    return bus.<HealthReport>request(address, new HealthQuery(), delivery).map(reply -> reply.body());
  }

  private static JsonObject toJson(HealthReport report) {
    JsonObject json = new JsonObject().put("up", report.up()).put("degraded", report.degraded());
    if (report.detail() != null) {
      json.put("detail", report.detail());
    }
    return json;
  }

  private static JsonObject unreachable(Throwable failure) {
    ChorusError error = ChorusError.from(failure);
    return new JsonObject()
        .put("up", false)
        .put("degraded", true)
        .put("detail", error.code() + ": " + error.message());
  }
}
