package io.chorus.web.webhooks;

import io.chorus.contracts.Addresses;
import io.chorus.contracts.JsonRecordCodec;
import io.chorus.contracts.webhooks.WebhookAction;
import io.chorus.contracts.webhooks.WebhookEventType;
import io.chorus.contracts.webhooks.WebhookRequest;
import io.chorus.web.auth.Access;
import io.chorus.web.auth.Actor;
import io.chorus.web.auth.Permission;
import io.chorus.web.problem.FieldError;
import io.chorus.web.problem.Problem;
import io.chorus.web.problem.Problems;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.Router;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Partners' outbound webhook subscriptions under {@code /api/v1/webhooks}: create, list, get,
 * delete, rotate the secret, list deliveries and replay one. The subscriptions service answers
 * over the bus; {@link WebhookAccess} decides which brand a caller may act for.
 */
public final class WebhooksApi {
  static final String BASE = "/api/v1/webhooks";
  private static final int MAX_LIMIT = 500;

  private final EventBus bus;
  private final DeliveryOptions delivery;

  private WebhooksApi(EventBus bus, long requestTimeoutMs) {
    this.bus = bus;
    this.delivery = new DeliveryOptions().setSendTimeout(requestTimeoutMs);
  }

  /** Mounts the routes; authentication and body parsing of {@code /api/v1/*} come before them. */
  public static void mount(Router router, EventBus bus, long requestTimeoutMs) {
    WebhooksApi api = new WebhooksApi(bus, requestTimeoutMs);
    router.route(BASE).handler(Access.require(Permission.WEBHOOKS_MANAGE));
    router.route(BASE + "/*").handler(Access.require(Permission.WEBHOOKS_MANAGE));
    router.post(BASE).handler(api::create);
    router.get(BASE).handler(rc -> api.ask(rc, WebhookAction.LIST, 200));
    router.get(BASE + "/:id").handler(rc -> api.ask(rc, WebhookAction.GET, 200));
    router.delete(BASE + "/:id").handler(rc -> api.ask(rc, WebhookAction.DELETE, 204));
    router.post(BASE + "/:id/rotate-secret").handler(rc -> api.ask(rc, WebhookAction.ROTATE_SECRET, 200));
    router.get(BASE + "/:id/deliveries").handler(api::deliveries);
    router.post(BASE + "/:id/deliveries/:deliveryId/replay").handler(rc -> api.ask(rc, WebhookAction.REPLAY, 200));
  }

  private void create(RoutingContext rc) {
    JsonObject body;
    try {
      body = rc.body().asJsonObject();
    } catch (DecodeException | ClassCastException notAnObject) {
      body = null;
    }
    if (body == null) {
      Problems.send(rc, Problem.invalidRequest(List.of(new FieldError("body", "must be a JSON object"))));
      return;
    }
    List<FieldError> errors = new ArrayList<>();
    String brandId = string(body, "brandId", true, errors);
    String url = string(body, "url", true, errors);
    String description = string(body, "description", false, errors);
    List<String> eventTypes = eventTypes(body.getValue("eventTypes"), errors);
    if (!errors.isEmpty()) {
      Problems.send(rc, Problem.invalidRequest(errors));
      return;
    }
    WebhookAccess.Scope scope = WebhookAccess.scope(rc, brandId);
    if (scope.refusal() != null) {
      Problems.send(rc, scope.refusal());
      return;
    }
    WebhookRequest request = new WebhookRequest(WebhookAction.CREATE, scope.brandId(), null, null, url, eventTypes,
        description, null, 0, Actor.of(rc));
    bus.<Record>request(Addresses.WEBHOOKS_MANAGE, request, delivery)
        .onSuccess(reply -> {
          JsonObject created = JsonRecordCodec.toJsonObject(reply.body());
          rc.response().setStatusCode(201).putHeader("location", BASE + "/" + created.getString("id"));
          json(rc, 201, created);
        })
        .onFailure(failure -> Problems.send(rc, Problems.fromFailure(failure)));
  }

  private void deliveries(RoutingContext rc) {
    String limitText = rc.request().getParam("limit");
    int limit = 50;
    if (limitText != null) {
      try {
        limit = Integer.parseInt(limitText);
      } catch (NumberFormatException notANumber) {
        limit = -1;
      }
      if (limit < 1 || limit > MAX_LIMIT) {
        Problems.send(rc, Problem.invalidRequest(List.of(new FieldError("limit", "must be 1.." + MAX_LIMIT))));
        return;
      }
    }
    String status = rc.request().getParam("status");
    if (status != null && !List.of("PENDING", "SUCCEEDED", "DEAD").contains(status)) {
      Problems.send(rc, Problem.invalidRequest(List.of(new FieldError("status", "must be PENDING, SUCCEEDED or DEAD"))));
      return;
    }
    send(rc, WebhookAction.LIST_DELIVERIES, status, limit, 200);
  }

  private void ask(RoutingContext rc, WebhookAction action, int status) {
    send(rc, action, null, 0, status);
  }

  private void send(RoutingContext rc, WebhookAction action, String deliveryStatus, int limit, int status) {
    WebhookAccess.Scope scope = WebhookAccess.scope(rc, rc.request().getParam("brandId"));
    if (scope.refusal() != null) {
      Problems.send(rc, scope.refusal());
      return;
    }
    WebhookRequest request = new WebhookRequest(action, scope.brandId(), rc.pathParam("id"),
        rc.pathParam("deliveryId"), null, null, null, deliveryStatus, limit, Actor.of(rc));
    bus.<Record>request(Addresses.WEBHOOKS_MANAGE, request, delivery)
        .onSuccess(reply -> {
          if (status == 204) {
            rc.response().setStatusCode(204).end();
          } else {
            json(rc, status, JsonRecordCodec.toJsonObject(reply.body()));
          }
        })
        .onFailure(failure -> Problems.send(rc, Problems.fromFailure(failure)));
  }

  private static void json(RoutingContext rc, int status, JsonObject body) {
    rc.response().setStatusCode(status).putHeader("content-type", "application/json").end(body.encode());
  }

  private static String string(JsonObject body, String field, boolean required, List<FieldError> errors) {
    Object value = body.getValue(field);
    if (value == null && !required) {
      return null;
    }
    if (!(value instanceof String text) || text.isBlank()) {
      errors.add(new FieldError(field, required ? "is required, as a non-empty string" : "must be a string"));
      return null;
    }
    return text;
  }

  private static List<String> eventTypes(Object value, List<FieldError> errors) {
    String known = String.join(", ", Arrays.stream(WebhookEventType.values()).map(WebhookEventType::id)
        .toList());
    if (!(value instanceof JsonArray array) || array.isEmpty()) {
      errors.add(new FieldError("eventTypes", "must list at least one of " + known));
      return null;
    }
    List<String> types = new ArrayList<>();
    for (Object item : array) {
      if (!(item instanceof String type) || WebhookEventType.find(type).isEmpty()) {
        errors.add(new FieldError("eventTypes", "'" + item + "' is not one of " + known));
        return null;
      }
      if (!types.contains(type)) {
        types.add(type);
      }
    }
    return types;
  }
}
