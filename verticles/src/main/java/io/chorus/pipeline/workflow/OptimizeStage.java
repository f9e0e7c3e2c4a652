package io.chorus.pipeline.workflow;

import io.chorus.contracts.Addresses;
import io.chorus.contracts.ChorusError;
import io.chorus.contracts.PostState;
import io.chorus.contracts.platform.OptimizeRequest;
import io.chorus.contracts.platform.OptimizedContent;
import io.chorus.pipeline.post.Move;
import io.vertx.core.Future;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import java.util.List;

/** GENERATED to OPTIMIZED: each post's platform agent fits its text to the platform. */
final class OptimizeStage implements Stage {
  private final EventBus bus;
  private final DeliveryOptions delivery;

  OptimizeStage(EventBus bus, DeliveryOptions delivery) {
    this.bus = bus;
    this.delivery = delivery;
  }

  @Override
  public PostState from() {
    return PostState.GENERATED;
  }

  @Override
  public Future<List<Move>> work(List<StagePost> posts) {
    return Moves.each(posts, this::optimize);
  }

  private Future<Move> optimize(StagePost post) {
    OptimizeRequest request = new OptimizeRequest(post.id().toString(), post.text(),
        GenerateStage.strings(post.campaign(), "hashtags"), post.postType(),
        // Only a sponsored campaign's posts must carry the disclosure, so only they may fail for it.
        Boolean.TRUE.equals(post.campaign().getValue("sponsored")) ? post.rules().disclosure() : null);
    return bus.<OptimizedContent>request(post.platform().address(Addresses.OPTIMIZE), request, delivery)
        .map(reply -> Move.of(post.id(), PostState.GENERATED, PostState.OPTIMIZED)
            .withText(reply.body().text(), null)
            .withDetail(reply.body().shortened() ? "shortened to fit " + reply.body().limit() : null))
        .recover(failure -> Moves.failUnlessRetryable(post, PostState.GENERATED, ChorusError.from(failure)));
  }
}
