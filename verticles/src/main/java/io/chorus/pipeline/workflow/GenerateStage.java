package io.chorus.pipeline.workflow;

import io.chorus.content.variant.Variant;
import io.chorus.content.variant.VariantOptions;
import io.chorus.content.variant.VariantStore;
import io.chorus.contracts.Addresses;
import io.chorus.contracts.ChorusError;
import io.chorus.contracts.PostState;
import io.chorus.contracts.content.GenerateRequest;
import io.chorus.contracts.content.GeneratedContent;
import io.chorus.contracts.pipeline.PostStateChanged;
import io.chorus.pipeline.post.Move;
import io.chorus.pipeline.post.PostTransitions;
import io.vertx.core.Future;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * PLANNED to GENERATED: asks the Content verticle for each post's variants, one per angle
 * ({@code content.variants}), all at once. Variant 1 becomes the post's text; every variant is
 * stored with the post once its move has happened, so a post another node generated first keeps
 * that node's variants.
 */
final class GenerateStage implements Stage {
  private final EventBus bus;
  private final DeliveryOptions delivery;
  private final VariantOptions variants;
  private final VariantStore store;

  GenerateStage(EventBus bus, DeliveryOptions delivery, VariantOptions variants, VariantStore store) {
    this.bus = bus;
    this.delivery = delivery;
    this.variants = variants;
    this.store = store;
  }

  @Override
  public PostState from() {
    return PostState.PLANNED;
  }

  @Override
  public Future<List<Move>> work(List<StagePost> posts) {
    return written(posts).map(all -> all.stream().map(Written::move).toList());
  }

  @Override
  public Future<Integer> round(List<StagePost> posts, PostTransitions transitions) {
    return written(posts).compose(all -> transitions.apply(all.stream().map(Written::move).toList())
        .compose(changes -> store.save(variantsOfGenerated(all, changes)).map(changes.size())));
  }

  /** The post's move, and the variants it was written with (none when it failed). */
  private record Written(Move move, List<Variant> variants) {}

  private Future<List<Written>> written(List<StagePost> posts) {
    List<Future<Written>> pending = posts.stream().map(this::write).toList();
    return Future.join(pending).transform(done -> Future.succeededFuture(
        pending.stream().map(Future::result).filter(Objects::nonNull).toList()));
  }

  private Future<Written> write(StagePost post) {
    long seed = seed(post);
    List<String> angles = variants.anglesFor(seed);
    List<Future<Message<GeneratedContent>>> replies = angles.stream()
        .map(angle -> bus.<GeneratedContent>request(Addresses.CONTENT_GENERATE, request(post, seed, angle), delivery))
        .toList();
    return Future.all(replies)
        .map(all -> {
          List<Variant> written = new ArrayList<>();
          for (int i = 0; i < replies.size(); i++) {
            GeneratedContent content = replies.get(i).result().body();
            written.add(new Variant(post.id(), post.brandId(), i + 1, angles.get(i), content.text(),
                content.provider(), content.model(), i == 0));
          }
          Variant chosen = written.get(0);
          Move move = Move.of(post.id(), PostState.PLANNED, PostState.GENERATED)
              .withText(chosen.text(), chosen.provider());
          return new Written(move, written);
        })
        .recover(failure -> Moves.failUnlessRetryable(post, PostState.PLANNED, ChorusError.from(failure))
            .map(move -> move == null ? null : new Written(move, List.of())));
  }

  private static List<Variant> variantsOfGenerated(List<Written> all, List<PostStateChanged> changes) {
    Set<UUID> generated = changes.stream()
        .filter(change -> change.to() == PostState.GENERATED)
        .map(change -> UUID.fromString(change.postId()))
        .collect(Collectors.toSet());
    return all.stream()
        .filter(w -> generated.contains(w.move().postId()))
        .flatMap(w -> w.variants().stream())
        .toList();
  }

  /**
   * The slot and platform make the seed, so each post of a campaign reads differently yet
   * regenerating one post gives the same text.
   */
  private static long seed(StagePost post) {
    return post.slotAt().getEpochSecond() * 31 + post.platform().ordinal();
  }

  private static GenerateRequest request(StagePost post, long seed, String angle) {
    JsonObject campaign = post.campaign();
    return new GenerateRequest(post.id().toString(), post.brandId(), post.campaignId(), post.platform(),
        campaign.getString("brief"), post.voice(), strings(campaign, "keyMessages"),
        strings(campaign, "hashtags"), strings(campaign, "trends"), campaign.getString("callToAction"), seed, angle);
  }

  static List<String> strings(JsonObject object, String key) {
    List<String> values = new ArrayList<>();
    object.getJsonArray(key, new JsonArray()).forEach(value -> values.add(String.valueOf(value)));
    return values;
  }
}
