package io.chorus.platform;

import static io.chorus.platform.AgentFixture.request;
import static org.assertj.core.api.Assertions.assertThat;

import io.chorus.contracts.Addresses;
import io.chorus.contracts.ChorusError;
import io.chorus.contracts.ErrorCode;
import io.chorus.contracts.Platform;
import io.chorus.contracts.platform.OptimizeRequest;
import io.chorus.contracts.platform.OptimizedContent;
import io.chorus.contracts.platform.PostType;
import io.chorus.contracts.platform.PublishRequest;
import io.chorus.contracts.platform.PublishResult;
import io.chorus.simulator.Simulator;
import io.chorus.simulator.SimulatorOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@DisplayName("Platform agents publish every post type through the platforms' real multi-step flows")
class PostTypesPublishingTest {
  private static final String TEXT = "Autumn Harvest is back: baked apple, caramel and cinnamon from one farm in Huila. "
      + "Read the story at https://northwind.example/autumn";
  private static final String LONG_TEXT = "Our Autumn Harvest Blend comes from a single farm in Huila, Colombia, where "
      + "the Ortiz family has grown coffee for three generations on steep volcanic slopes. "
      + "We roast it in small batches every Tuesday, slowly, so the baked apple and caramel notes come through "
      + "without any bitterness at the end of the cup. "
      + "The farm is paid forty percent above the fair-trade price, and that premium goes straight into new "
      + "drying beds and a school bus for the valley. "
      + "Find it in every shop from this week, or order it online and we will grind it the way you brew. "
      + "Tell us how you take it: pour-over, espresso or a big French press on a cold Sunday morning?";

  private Simulator simulator;
  private String image1;
  private String image2;
  private String video;

  @BeforeEach
  void start(Vertx vertx, VertxTestContext ctx) {
    AgentFixture.simulator(vertx, new SimulatorOptions())
        .compose(started -> {
          simulator = started;
          image1 = started.baseUrl() + "/media/autumn-harvest-1.jpg";
          image2 = started.baseUrl() + "/media/autumn-harvest-2.jpg";
          video = started.baseUrl() + "/media/autumn-harvest.mp4";
          return AgentFixture.deployAgents(vertx, AgentFixture.config(started), Platform.values());
        })
        .onComplete(ctx.succeedingThenComplete());
  }

  private Future<PublishResult> publish(Vertx vertx, Platform platform, String account, String text,
      List<String> media, PostType type) {
    return request(vertx, platform, Addresses.PUBLISH, new PublishRequest("post-1", account, text, media, 1, type));
  }

  /** Publishes, then hands the simulator's record of the platform's posts to the checks. */
  private void publishes(Vertx vertx, VertxTestContext ctx, Platform platform, String account, String text,
      List<String> media, PostType type, Consumer<JsonArray> checks) {
    publish(vertx, platform, account, text, media, type)
        .compose(result -> AgentFixture.postsOn(vertx, simulator, platform.id()).map(posts -> {
          assertThat(result.externalId()).isNotBlank();
          return posts;
        }))
        .onComplete(ctx.succeeding(posts -> ctx.verify(() -> {
          checks.accept(posts);
          ctx.completeNow();
        })));
  }

  private static JsonObject only(JsonArray posts) {
    assertThat(posts).hasSize(1);
    return posts.getJsonObject(0);
  }

  @Test
  @DisplayName("X thread: the optimized text is split at sentences into numbered posts, each replying to the one before")
  void xThread(Vertx vertx, VertxTestContext ctx) {
    Future<OptimizedContent> fitted = request(vertx, Platform.X, Addresses.OPTIMIZE,
        new OptimizeRequest("post-1", LONG_TEXT, List.of("#AutumnHarvest"), PostType.THREAD, null));
    fitted.compose(content -> publish(vertx, Platform.X, "northwind-x", content.text(), List.of(), PostType.THREAD))
        .compose(result -> AgentFixture.postsOn(vertx, simulator, "x").map(posts -> {
          ctx.verify(() -> {
            assertThat(fitted.result().shortened()).isFalse();
            assertThat(fitted.result().text()).startsWith(LONG_TEXT);
            assertThat(posts.size()).isBetween(2, 9);
            int total = posts.size();
            for (int i = 0; i < total; i++) {
              JsonObject post = posts.getJsonObject(i);
              assertThat(post.getString("text")).endsWith(" " + (i + 1) + "/" + total);
              assertThat(post.getString("kind")).isEqualTo(i == 0 ? "post" : "reply");
              if (i > 0) {
                assertThat(post.getString("inReplyTo")).isEqualTo(posts.getJsonObject(i - 1).getString("id"));
              }
            }
            assertThat(posts.getJsonObject(0).getString("id")).isEqualTo(result.externalId());
            assertThat(posts.getJsonObject(0).getString("text")).startsWith("Our Autumn Harvest Blend comes from");
            assertThat(posts.getJsonObject(total - 1).getString("text")).contains("#AutumnHarvest");
          });
          return posts;
        }))
        .onComplete(ctx.succeedingThenComplete());
  }

  @Test
  @DisplayName("X media: each image is uploaded to /2/media/upload and the post carries the media ids")
  void xImage(Vertx vertx, VertxTestContext ctx) {
    publishes(vertx, ctx, Platform.X, "northwind-x", TEXT, List.of(image1, image2), PostType.IMAGE,
        posts -> assertThat(only(posts).getString("kind")).isEqualTo("image"));
  }

  @Test
  @DisplayName("Facebook link: a feed post with the text's first link as its link")
  void facebookLink(Vertx vertx, VertxTestContext ctx) {
    publishes(vertx, ctx, Platform.FACEBOOK, "northwind-facebook", TEXT, List.of(image1), PostType.LINK, posts -> {
      assertThat(only(posts).getString("kind")).isEqualTo("link");
      assertThat(only(posts).getJsonArray("mediaUrls")).containsExactly("https://northwind.example/autumn");
    });
  }

  @Test
  @DisplayName("Facebook photo: /{page-id}/photos with the image's URL and the text as its message")
  void facebookPhoto(Vertx vertx, VertxTestContext ctx) {
    publishes(vertx, ctx, Platform.FACEBOOK, "northwind-facebook", TEXT, List.of(image1), PostType.IMAGE, posts -> {
      assertThat(only(posts).getString("kind")).isEqualTo("photo");
      assertThat(only(posts).getString("text")).isEqualTo(TEXT);
      assertThat(only(posts).getJsonArray("mediaUrls")).containsExactly(image1);
    });
  }

  @Test
  @DisplayName("Facebook scheduled: unpublished with a scheduled_publish_time the configured 15 minutes ahead")
  void facebookScheduled(Vertx vertx, VertxTestContext ctx) {
    Instant before = Instant.now();
    publishes(vertx, ctx, Platform.FACEBOOK, "northwind-facebook", TEXT, List.of(), PostType.SCHEDULED, posts -> {
      assertThat(only(posts).getString("kind")).isEqualTo("scheduled");
      Instant publishAt = Instant.parse(only(posts).getString("publishAt"));
      assertThat(publishAt).isBetween(before.plus(Duration.ofMinutes(15)).minusSeconds(1),
          Instant.now().plus(Duration.ofMinutes(15)).plusSeconds(1));
    });
  }

  @Test
  @DisplayName("Instagram carousel: one child container per image, then a CAROUSEL container, published when FINISHED")
  void instagramCarousel(Vertx vertx, VertxTestContext ctx) {
    publishes(vertx, ctx, Platform.INSTAGRAM, "northwind-instagram", TEXT, List.of(image1, image2), PostType.CAROUSEL,
        posts -> {
          assertThat(only(posts).getString("kind")).isEqualTo("carousel");
          assertThat(only(posts).getJsonArray("mediaUrls")).containsExactly(image1, image2);
          assertThat(only(posts).getString("text")).isEqualTo(TEXT);
        });
  }

  @Test
  @DisplayName("Instagram reel: a REELS container from the video URL")
  void instagramReel(Vertx vertx, VertxTestContext ctx) {
    publishes(vertx, ctx, Platform.INSTAGRAM, "northwind-instagram", TEXT, List.of(image1, video), PostType.REEL,
        posts -> {
          assertThat(only(posts).getString("kind")).isEqualTo("reel");
          assertThat(only(posts).getJsonArray("mediaUrls")).containsExactly(video);
        });
  }

  @Test
  @DisplayName("Instagram story: a STORIES container from the first image, without caption")
  void instagramStory(Vertx vertx, VertxTestContext ctx) {
    publishes(vertx, ctx, Platform.INSTAGRAM, "northwind-instagram", TEXT, List.of(image1, image2), PostType.STORY,
        posts -> {
          assertThat(only(posts).getString("kind")).isEqualTo("story");
          assertThat(only(posts).getJsonArray("mediaUrls")).containsExactly(image1);
        });
  }

  @Test
  @DisplayName("LinkedIn link: the text's first link as article content")
  void linkedinArticle(Vertx vertx, VertxTestContext ctx) {
    publishes(vertx, ctx, Platform.LINKEDIN, "northwind-linkedin", TEXT, List.of(), PostType.LINK, posts -> {
      assertThat(only(posts).getString("kind")).isEqualTo("article");
      assertThat(only(posts).getJsonArray("mediaUrls")).containsExactly("https://northwind.example/autumn");
    });
  }

  @Test
  @DisplayName("LinkedIn image: initializeUpload, PUT of the bytes, then a post with content.media.id")
  void linkedinImage(Vertx vertx, VertxTestContext ctx) {
    publishes(vertx, ctx, Platform.LINKEDIN, "northwind-linkedin", TEXT, List.of(image1), PostType.IMAGE, posts -> {
      assertThat(only(posts).getString("kind")).isEqualTo("image");
      assertThat(only(posts).getJsonArray("mediaUrls").getString(0)).startsWith("urn:li:image:");
    });
  }

  @Test
  @DisplayName("TikTok video: creator info first, then a PULL_FROM_URL video init, polled until complete")
  void tiktokVideo(Vertx vertx, VertxTestContext ctx) {
    publishes(vertx, ctx, Platform.TIKTOK, "northwind-tiktok", TEXT, List.of(image1, video), PostType.VIDEO, posts -> {
      assertThat(only(posts).getString("kind")).isEqualTo("video");
      assertThat(only(posts).getJsonArray("mediaUrls")).containsExactly(video);
    });
  }

  @Test
  @DisplayName("TikTok photo: every image of the post in one PULL_FROM_URL photo post")
  void tiktokPhoto(Vertx vertx, VertxTestContext ctx) {
    publishes(vertx, ctx, Platform.TIKTOK, "northwind-tiktok", TEXT, List.of(image1, image2), PostType.IMAGE, posts -> {
      assertThat(only(posts).getString("kind")).isEqualTo("photo");
      assertThat(only(posts).getJsonArray("mediaUrls")).containsExactly(image1, image2);
    });
  }

  @Test
  @DisplayName("a post type the platform does not have, or without the media it needs, is refused for good")
  void refusedTypes(Vertx vertx, VertxTestContext ctx) {
    Future<ChorusError> carouselOnX = AgentFixture.failureOf(
        publish(vertx, Platform.X, "northwind-x", TEXT, List.of(image1), PostType.CAROUSEL));
    Future<ChorusError> reelWithoutVideo = AgentFixture.failureOf(
        publish(vertx, Platform.INSTAGRAM, "northwind-instagram", TEXT, List.of(image1), PostType.REEL));
    Future<ChorusError> linkWithoutLink = AgentFixture.failureOf(
        publish(vertx, Platform.FACEBOOK, "northwind-facebook", "No link here.", List.of(), PostType.LINK));
    Future.all(carouselOnX, reelWithoutVideo, linkWithoutLink)
        .compose(done -> AgentFixture.postsOn(vertx, simulator, null))
        .onComplete(ctx.succeeding(posts -> ctx.verify(() -> {
          for (ChorusError error : List.of(carouselOnX.result(), reelWithoutVideo.result(), linkWithoutLink.result())) {
            assertThat(error.code()).isEqualTo(ErrorCode.INVALID_REQUEST);
            assertThat(error.retryable()).isFalse();
          }
          assertThat(carouselOnX.result().message()).contains("x has no post type 'carousel'");
          assertThat(reelWithoutVideo.result().message()).contains("reel post needs a video");
          assertThat(posts).isEmpty();
          ctx.completeNow();
        })));
  }
}
