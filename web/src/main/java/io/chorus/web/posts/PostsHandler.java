package io.chorus.web.posts;

import io.chorus.contracts.Addresses;
import io.chorus.contracts.JsonRecordCodec;
import io.chorus.contracts.PostState;
import io.chorus.contracts.pipeline.PostPage;
import io.chorus.contracts.pipeline.PostQuery;
import io.chorus.web.auth.Access;
import io.chorus.web.problem.FieldProblems;
import io.chorus.web.problem.Problem;
import io.chorus.web.problem.Problems;
import io.vertx.core.Handler;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code GET /api/v1/posts}: lists posts by asking the pipeline over the bus, newest first, a page
 * at a time: {@code {items, nextCursor}}, where {@code nextCursor} (null on the last page) is the
 * {@code cursor} of the next page. Also {@code GET /api/v1/dead-letters}, the failed posts an
 * operator may requeue or cancel. A caller bound to a brand sees only its brand's posts.
 */
public final class PostsHandler implements Handler<RoutingContext> {
  private final EventBus bus;
  private final DeliveryOptions delivery;
  private final PostState onlyState;

  private PostsHandler(EventBus bus, long requestTimeoutMs, PostState onlyState) {
    this.bus = bus;
    this.delivery = new DeliveryOptions().setSendTimeout(requestTimeoutMs);
    this.onlyState = onlyState;
  }

  /** A handler whose pipeline requests give up after {@code requestTimeoutMs}. */
  public static PostsHandler create(EventBus bus, long requestTimeoutMs) {
    return new PostsHandler(bus, requestTimeoutMs, null);
  }

  /**
   * The dead-letter list: every FAILED post, with its attempts and the platform's last word,
   * filtered by {@code platform} and {@code limit} like the post list.
   */
  public static PostsHandler deadLetters(EventBus bus, long requestTimeoutMs) {
    return new PostsHandler(bus, requestTimeoutMs, PostState.FAILED);
  }

  @Override
  public void handle(RoutingContext rc) {
    PostQueryParams params = new PostQueryParams(rc.queryParams());
    if (!params.errors().isEmpty()) {
      Problems.send(rc, Problem.invalidRequest(params.errors()));
      return;
    }
    String brand = Access.listedBrand(rc, rc.queryParams().get("brand"));
    if (brand == Access.REFUSED) {
      return;
    }
    PostQuery asked = params.query();
    PostQuery query = new PostQuery(onlyState == null ? asked.state() : onlyState, asked.platform(), asked.limit(),
        brand, asked.campaignId(), asked.after());
    bus.<PostPage>request(Addresses.PIPELINE_QUERY, query, delivery)
        .onSuccess(reply -> rc.response()
            .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
            .end(toJson(reply.body()).encode()))
        .onFailure(failure -> Problems.send(rc, FieldProblems.fromFailure(failure)));
  }

  private static JsonObject toJson(PostPage page) {
    return new JsonObject()
        .put("items", new JsonArray(page.items().stream().map(JsonRecordCodec::toJsonObject).toList()))
        .put("nextCursor", page.next() == null ? null : PostCursors.encode(page.next()));
  }
}
