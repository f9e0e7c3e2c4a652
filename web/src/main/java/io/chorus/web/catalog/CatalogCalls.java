package io.chorus.web.catalog;

import io.chorus.contracts.JsonRecordCodec;
import io.chorus.web.problem.FieldError;
import io.chorus.web.problem.FieldProblems;
import io.chorus.web.problem.Problem;
import io.chorus.web.problem.Problems;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.function.Function;

/** Asks the catalog service over the bus and answers the HTTP request with its reply or its refusal. */
final class CatalogCalls {
  private final EventBus bus;
  private final DeliveryOptions delivery;

  CatalogCalls(EventBus bus, long requestTimeoutMs) {
    this.bus = bus;
    this.delivery = new DeliveryOptions().setSendTimeout(requestTimeoutMs);
  }

  /** Answers 200 with the reply as JSON. */
  void ok(RoutingContext rc, String address, Object request) {
    send(rc, address, request, 200, null);
  }

  /** Answers 201 with the reply, and its address in {@code Location}. */
  void created(RoutingContext rc, String address, Object request, Function<JsonObject, String> location) {
    send(rc, address, request, 201, location);
  }

  /** Answers 204 once the service has done it. */
  void noContent(RoutingContext rc, String address, Object request) {
    send(rc, address, request, 204, null);
  }

  /** Answers 400 naming every field at fault; true when there were any. */
  static boolean refused(RoutingContext rc, List<FieldError> errors) {
    if (errors.isEmpty()) {
      return false;
    }
    Problems.send(rc, Problem.invalidRequest(errors));
    return true;
  }

  private void send(RoutingContext rc, String address, Object request, int status,
      Function<JsonObject, String> location) {
    bus.<Record>request(address, request, delivery)
        .onSuccess(reply -> {
          if (status == 204) {
            rc.response().setStatusCode(204).end();
            return;
          }
          JsonObject body = JsonRecordCodec.toJsonObject(reply.body());
          if (location != null) {
            rc.response().putHeader(HttpHeaders.LOCATION, location.apply(body));
          }
          rc.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, "application/json").end(body.encode());
        })
        .onFailure(failure -> Problems.send(rc, FieldProblems.fromFailure(failure)));
  }
}
