package io.chorus.web.posts;

import io.chorus.contracts.Addresses;
import io.chorus.contracts.JsonRecordCodec;
import io.chorus.contracts.pipeline.PostView;
import io.chorus.contracts.pipeline.ReviewDecision;
import io.chorus.web.auth.Actor;
import io.chorus.web.problem.Problem;
import io.chorus.web.problem.Problems;
import io.vertx.core.Handler;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code POST /api/v1/posts/{id}/approve} and {@code .../reject}: a person's decision on a post
 * waiting in review, sent to the pipeline with who made it; the reply is the post as it now is.
 */
public final class ReviewHandler implements Handler<RoutingContext> {
  private final EventBus bus;
  private final DeliveryOptions delivery;
  private final boolean approve;

  private ReviewHandler(EventBus bus, long requestTimeoutMs, boolean approve) {
    this.bus = bus;
    this.delivery = new DeliveryOptions().setSendTimeout(requestTimeoutMs);
    this.approve = approve;
  }

  /** Approves, optionally with the text edited ({@code text}) and a {@code note}. */
  public static ReviewHandler approve(EventBus bus, long requestTimeoutMs) {
    return new ReviewHandler(bus, requestTimeoutMs, true);
  }

  /** Rejects, with the {@code reason} the body must give. */
  public static ReviewHandler reject(EventBus bus, long requestTimeoutMs) {
    return new ReviewHandler(bus, requestTimeoutMs, false);
  }

  @Override
  public void handle(RoutingContext rc) {
    ReviewRequest request = approve
        ? ReviewRequest.approval(rc.body().buffer())
        : ReviewRequest.rejection(rc.body().buffer());
    if (!request.errors().isEmpty()) {
      Problems.send(rc, Problem.invalidRequest(request.errors()));
      return;
    }
    ReviewDecision decision = new ReviewDecision(rc.pathParam("id"), approve, Actor.of(rc), request.reason(),
        request.editedText());
    bus.<PostView>request(Addresses.PIPELINE_REVIEW, decision, delivery)
        .onSuccess(reply -> rc.response()
            .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
            .end(JsonRecordCodec.toJsonObject(reply.body()).encode()))
        .onFailure(failure -> Problems.send(rc, Problems.fromFailure(failure)));
  }
}
