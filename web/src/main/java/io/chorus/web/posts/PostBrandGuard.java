package io.chorus.web.posts;

import io.chorus.contracts.Addresses;
import io.chorus.contracts.pipeline.PostHistory;
import io.chorus.contracts.pipeline.PostHistoryQuery;
import io.chorus.web.auth.Access;
import io.chorus.web.auth.Principal;
import io.chorus.web.problem.Problems;
import io.vertx.core.Handler;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import io.vertx.ext.web.RoutingContext;

/**
 * Lets a request about one post ({@code /api/v1/posts/:id/...}) on only when the caller may see
 * that post's brand; to a caller bound to another brand the post does not exist. Callers for every
 * brand pass without a lookup.
 */
public final class PostBrandGuard implements Handler<RoutingContext> {
  private final EventBus bus;
  private final DeliveryOptions delivery;

  private PostBrandGuard(EventBus bus, long requestTimeoutMs) {
    this.bus = bus;
    this.delivery = new DeliveryOptions().setSendTimeout(requestTimeoutMs);
  }

  public static PostBrandGuard create(EventBus bus, long requestTimeoutMs) {
    return new PostBrandGuard(bus, requestTimeoutMs);
  }

  @Override
  public void handle(RoutingContext rc) {
    Principal principal = Principal.of(rc);
    if (principal.allBrands()) {
      rc.next();
      return;
    }
    rc.request().pause();
    bus.<PostHistory>request(Addresses.PIPELINE_HISTORY, new PostHistoryQuery(rc.pathParam("id")), delivery)
        .onComplete(found -> {
          rc.request().resume();
          if (found.succeeded() && Access.brand(rc, found.result().body().post().brandId())) {
            rc.next();
          } else if (found.failed()) {
            Problems.send(rc, Problems.fromFailure(found.cause()));
          }
        });
  }
}
