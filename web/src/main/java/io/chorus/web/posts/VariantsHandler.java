package io.chorus.web.posts;

import io.chorus.contracts.Addresses;
import io.chorus.contracts.JsonRecordCodec;
import io.chorus.contracts.pipeline.PostVariants;
import io.chorus.contracts.pipeline.VariantsQuery;
import io.chorus.web.problem.FieldError;
import io.chorus.web.problem.Problem;
import io.chorus.web.problem.Problems;
import io.vertx.core.Handler;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.UUID;

/**
 * {@code GET /api/v1/posts/{id}/variants}: every text written for a post, one per angle, with the
 * one chosen as its text and, once it is out, the one published.
 */
public final class VariantsHandler implements Handler<RoutingContext> {
  private final EventBus bus;
  private final DeliveryOptions delivery;

  private VariantsHandler(EventBus bus, long requestTimeoutMs) {
    this.bus = bus;
    this.delivery = new DeliveryOptions().setSendTimeout(requestTimeoutMs);
  }

  /** A handler whose pipeline requests give up after {@code requestTimeoutMs}. */
  public static VariantsHandler create(EventBus bus, long requestTimeoutMs) {
    return new VariantsHandler(bus, requestTimeoutMs);
  }

  @Override
  public void handle(RoutingContext rc) {
    String id = rc.pathParam("id");
    try {
      UUID.fromString(id);
    } catch (IllegalArgumentException notAnId) {
      Problems.send(rc, Problem.invalidRequest(List.of(new FieldError("id", "must be a post id (a UUID)"))));
      return;
    }
    bus.<PostVariants>request(Addresses.PIPELINE_VARIANTS, new VariantsQuery(id), delivery)
        .onSuccess(reply -> rc.response()
            .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
            .end(JsonRecordCodec.toJsonObject(reply.body()).encode()))
        .onFailure(failure -> Problems.send(rc, Problems.fromFailure(failure)));
  }
}
