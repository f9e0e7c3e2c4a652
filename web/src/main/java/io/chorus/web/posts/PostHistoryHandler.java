package io.chorus.web.posts;

import io.chorus.contracts.Addresses;
import io.chorus.contracts.JsonRecordCodec;
import io.chorus.contracts.pipeline.PostHistory;
import io.chorus.contracts.pipeline.PostHistoryQuery;
import io.chorus.web.problem.Problems;
import io.vertx.core.Handler;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code GET /api/v1/posts/{id}/history}: the post as it is now ({@code post}) and every state
 * change it went through, oldest first ({@code events}).
 */
public final class PostHistoryHandler implements Handler<RoutingContext> {
  private final EventBus bus;
  private final DeliveryOptions delivery;

  private PostHistoryHandler(EventBus bus, long requestTimeoutMs) {
    this.bus = bus;
    this.delivery = new DeliveryOptions().setSendTimeout(requestTimeoutMs);
  }

  public static PostHistoryHandler create(EventBus bus, long requestTimeoutMs) {
    return new PostHistoryHandler(bus, requestTimeoutMs);
  }

  @Override
  public void handle(RoutingContext rc) {
    bus.<PostHistory>request(Addresses.PIPELINE_HISTORY, new PostHistoryQuery(rc.pathParam("id")), delivery)
        .onSuccess(reply -> rc.response()
            .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
            .end(JsonRecordCodec.toJsonObject(reply.body()).encode()))
        .onFailure(failure -> Problems.send(rc, Problems.fromFailure(failure)));
  }
}
