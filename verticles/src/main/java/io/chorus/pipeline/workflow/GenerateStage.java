package io.chorus.pipeline.workflow;

import io.chorus.contracts.Addresses;
import io.chorus.contracts.ChorusError;
import io.chorus.contracts.PostState;
import io.chorus.contracts.content.GenerateRequest;
import io.chorus.contracts.content.GeneratedContent;
import io.chorus.pipeline.post.Move;
import io.vertx.core.Future;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/** PLANNED to GENERATED: asks the Content verticle to write each post from its campaign brief. */
final class GenerateStage implements Stage {
  private final EventBus bus;
  private final DeliveryOptions delivery;

  GenerateStage(EventBus bus, DeliveryOptions delivery) {
    this.bus = bus;
    this.delivery = delivery;
  }

  @Override
  public PostState from() {
    return PostState.PLANNED;
  }

  @Override
  public Future<List<Move>> work(List<StagePost> posts) {
    return Moves.each(posts, this::generate);
  }

  private Future<Move> generate(StagePost post) {
    return bus.<GeneratedContent>request(Addresses.CONTENT_GENERATE, request(post), delivery)
        .map(reply -> Move.of(post.id(), PostState.PLANNED, PostState.GENERATED)
            .withText(reply.body().text(), reply.body().provider()))
        .recover(failure -> Moves.failUnlessRetryable(post, PostState.PLANNED, ChorusError.from(failure)));
  }

  private static GenerateRequest request(StagePost post) {
    JsonObject campaign = post.campaign();
    // The slot and platform make the seed, so each post of a campaign reads differently yet
    // regenerating one post gives the same text.
    long seed = post.slotAt().getEpochSecond() * 31 + post.platform().ordinal();
    return new GenerateRequest(post.id().toString(), post.brandId(), post.campaignId(), post.platform(),
        campaign.getString("brief"), post.voice(), strings(campaign, "keyMessages"),
        strings(campaign, "hashtags"), strings(campaign, "trends"), campaign.getString("callToAction"), seed,
        post.postType());
  }

  static List<String> strings(JsonObject object, String key) {
    List<String> values = new ArrayList<>();
    object.getJsonArray(key, new JsonArray()).forEach(value -> values.add(String.valueOf(value)));
    return values;
  }
}
