package io.chorus.pipeline.workflow;

import io.chorus.content.image.MediaStore;
import io.chorus.content.variant.Variant;
import io.chorus.content.variant.VariantOptions;
import io.chorus.content.variant.VariantStore;
import io.chorus.contracts.Addresses;
import io.chorus.contracts.ChorusError;
import io.chorus.contracts.ErrorCode;
import io.chorus.contracts.Platform;
import io.chorus.contracts.PostState;
import io.chorus.contracts.content.GenerateRequest;
import io.chorus.contracts.content.GeneratedContent;
import io.chorus.contracts.content.ImageRequest;
import io.chorus.contracts.content.StoredImage;
import io.chorus.contracts.pipeline.PostStateChanged;
import io.chorus.contracts.platform.PostType;
import io.chorus.pipeline.post.Move;
import io.chorus.pipeline.post.PostTransitions;
import io.vertx.core.Future;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PLANNED to GENERATED: asks the Content verticle for each post's variants, one per angle
 * ({@code content.variants}), all at once, and for Instagram and TikTok posts of campaigns with
 * media or an image prompt, an image. Variant 1 becomes the post's text; the variants and the
 * image are stored with the post once its move has happened, so a post another node generated
 * first keeps that node's.
 */
final class GenerateStage implements Stage {
  private static final Logger LOG = LoggerFactory.getLogger(GenerateStage.class);
  /** The platforms that cannot post without an image. */
  private static final Set<Platform> NEED_MEDIA = EnumSet.of(Platform.INSTAGRAM, Platform.TIKTOK);
  /** Image failures worth waiting for; any other leaves the post with its campaign's media files. */
  private static final Set<ErrorCode> TRANSIENT = EnumSet.of(ErrorCode.RATE_LIMITED, ErrorCode.PROVIDER_UNAVAILABLE,
      ErrorCode.TIMEOUT);

  private final EventBus bus;
  private final DeliveryOptions delivery;
  private final VariantOptions variants;
  private final VariantStore store;
  private final MediaStore media;

  GenerateStage(EventBus bus, DeliveryOptions delivery, VariantOptions variants, VariantStore store, MediaStore media) {
    this.bus = bus;
    this.delivery = delivery;
    this.variants = variants;
    this.store = store;
    this.media = media;
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
        .compose(changes -> {
          List<Written> generated = generated(all, changes);
          List<Written> illustrated = generated.stream().filter(w -> w.mediaId() != null).toList();
          return Future.all(
                  store.save(generated.stream().flatMap(w -> w.variants().stream()).toList()),
                  media.attach(illustrated.stream().map(w -> w.move().postId()).toList(),
                      illustrated.stream().map(Written::mediaId).toList()))
              .map(changes.size());
        }));
  }

  /** The post's move, the variants it was written with (none when it failed) and its image, if any. */
  private record Written(Move move, List<Variant> variants, UUID mediaId) {}

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
    Future<UUID> image = image(post, seed);
    return Future.all(Future.all(replies), image)
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
          return new Written(move, written, image.result());
        })
        .recover(failure -> Moves.failUnlessRetryable(post, PostState.PLANNED, ChorusError.from(failure))
            .map(move -> move == null ? null : new Written(move, List.of(), null)));
  }

  /**
   * The post's image, for platforms that need one: a failure worth waiting for fails the post's
   * round; any other leaves it with the campaign's media files by name, as Chorus did before it
   * stored media. Post types that take several images or a video (carousels, reels, videos) keep
   * the campaign's files too.
   */
  /** Whether a post of this type shows one image; a null type is one its media decide. */
  private static boolean showsOneImage(PostType type) {
    return type == null || type == PostType.IMAGE || type == PostType.STORY;
  }

  private static boolean isImageFile(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return lower.endsWith(".jpg") || lower.endsWith(".jpeg") || lower.endsWith(".png");
  }

  private Future<UUID> image(StagePost post, long seed) {
    JsonObject campaign = post.campaign();
    List<String> library = strings(campaign, "media").stream().filter(GenerateStage::isImageFile).toList();
    String prompt = campaign.getString("imagePrompt");
    if (!NEED_MEDIA.contains(post.platform()) || !showsOneImage(post.postType())
        || (library.isEmpty() && prompt == null)) {
      return Future.succeededFuture();
    }
    ImageRequest request = new ImageRequest(post.id().toString(), post.brandId(), post.campaignId(), post.platform(),
        prompt, library, seed);
    return bus.<StoredImage>request(Addresses.CONTENT_IMAGE, request, delivery)
        .map(reply -> UUID.fromString(reply.body().mediaId()))
        .recover(failure -> {
          ChorusError error = ChorusError.from(failure);
          if (TRANSIENT.contains(error.code())) {
            return Future.failedFuture(failure);
          }
          LOG.warn("No stored image for post {}, it keeps its campaign's media files: {}", post.id(), error.message());
          return Future.succeededFuture();
        });
  }

  private static List<Written> generated(List<Written> all, List<PostStateChanged> changes) {
    Set<UUID> generated = changes.stream()
        .filter(change -> change.to() == PostState.GENERATED)
        .map(change -> UUID.fromString(change.postId()))
        .collect(Collectors.toSet());
    return all.stream().filter(w -> generated.contains(w.move().postId())).toList();
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
        strings(campaign, "hashtags"), strings(campaign, "trends"), campaign.getString("callToAction"), seed, angle,
        post.postType());
  }

  static List<String> strings(JsonObject object, String key) {
    List<String> values = new ArrayList<>();
    object.getJsonArray(key, new JsonArray()).forEach(value -> values.add(String.valueOf(value)));
    return values;
  }
}
