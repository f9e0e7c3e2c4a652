package io.chorus.web.posts;

import io.chorus.contracts.Addresses;
import io.chorus.contracts.JsonRecordCodec;
import io.chorus.contracts.pipeline.PostAction;
import io.chorus.contracts.pipeline.PostCommand;
import io.chorus.contracts.pipeline.PostView;
import io.chorus.web.auth.Actor;
import io.chorus.web.problem.FieldError;
import io.chorus.web.problem.Problem;
import io.chorus.web.problem.Problems;
import io.vertx.core.Handler;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * {@code POST /api/v1/posts/{id}/requeue}, {@code .../cancel} and {@code .../reschedule}: an
 * operator's command on one post, carried out by the pipeline over the bus and answered with the
 * post as it now is.
 */
public final class PostCommandHandler implements Handler<RoutingContext> {
  private final EventBus bus;
  private final PostAction action;
  private final DeliveryOptions delivery;

  private PostCommandHandler(EventBus bus, PostAction action, long requestTimeoutMs) {
    this.bus = bus;
    this.action = action;
    this.delivery = new DeliveryOptions().setSendTimeout(requestTimeoutMs);
  }

  /** A handler for {@code action} whose pipeline requests give up after {@code requestTimeoutMs}. */
  public static PostCommandHandler create(EventBus bus, PostAction action, long requestTimeoutMs) {
    return new PostCommandHandler(bus, action, requestTimeoutMs);
  }

  @Override
  public void handle(RoutingContext rc) {
    JsonObject body;
    try {
      body = rc.body().isEmpty() ? new JsonObject() : rc.body().asJsonObject();
    } catch (DecodeException | ClassCastException notAnObject) {
      Problems.send(rc, Problem.invalidRequest(List.of(new FieldError("body", "must be a JSON object"))));
      return;
    }
    if (!(body.getValue("reason") == null || body.getValue("reason") instanceof String)) {
      Problems.send(rc, Problem.invalidRequest(List.of(new FieldError("reason", "must be a string"))));
      return;
    }
    Instant scheduledAt = null;
    if (action == PostAction.RESCHEDULE) {
      scheduledAt = scheduledAt(body.getValue("scheduledAt"));
      if (scheduledAt == null) {
        Problems.send(rc, Problem.invalidRequest(List.of(new FieldError("scheduledAt",
            "must be an ISO-8601 time in the future, such as 2030-01-31T09:00:00Z"))));
        return;
      }
    }
    PostCommand command = new PostCommand(rc.pathParam("id"), action, Actor.of(rc), body.getString("reason"),
        scheduledAt);
    bus.<PostView>request(Addresses.PIPELINE_COMMAND, command, delivery)
        .onSuccess(reply -> rc.response()
            .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
            .end(JsonRecordCodec.toJsonObject(reply.body()).encode()))
        .onFailure(failure -> Problems.send(rc, Problems.fromFailure(failure)));
  }

  /** The requested due time, or null when it is missing, malformed or not in the future. */
  private static Instant scheduledAt(Object value) {
    if (!(value instanceof String text)) {
      return null;
    }
    try {
      Instant at = OffsetDateTime.parse(text.trim()).toInstant();
      return at.isAfter(Instant.now()) ? at : null;
    } catch (DateTimeParseException malformed) {
      return null;
    }
  }
}
