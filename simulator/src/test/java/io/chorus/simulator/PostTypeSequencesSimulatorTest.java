package io.chorus.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@DisplayName("Simulated platforms keep the state of multi-step posts and refuse steps out of order")
class PostTypeSequencesSimulatorTest {
  private static final String IG_USER = "17841400000000001";
  private static final String ORG = "urn:li:organization:5550001";

  private Simulator simulator;
  private WebClient client;

  private Future<Simulator> start(Vertx vertx, SimulatorOptions options) {
    client = WebClient.create(vertx);
    return Simulator.create(vertx, options).listen().onSuccess(started -> simulator = started);
  }

  private Future<HttpResponse<Buffer>> tweet(JsonObject body) {
    return client.postAbs(simulator.baseUrl("x") + "/2/tweets").bearerTokenAuthentication("x-user").sendJsonObject(body);
  }

  private Future<JsonArray> posts(String platform) {
    return client.getAbs(simulator.baseUrl() + "/_simulator/posts").addQueryParam("platform", platform).send()
        .map(response -> response.bodyAsJsonObject().getJsonArray("items"));
  }

  @Test
  @DisplayName("X: media ids must be the user's uploads, and a reply must answer a post that exists")
  void xMediaAndReplies(Vertx vertx, VertxTestContext ctx) {
    JsonObject upload = new JsonObject().put("media", Base64.getEncoder().encodeToString(new byte[] {1, 2, 3}))
        .put("media_category", "tweet_image");
    start(vertx, new SimulatorOptions()).compose(s -> tweet(new JsonObject().put("text", "Unknown media")
            .put("media", new JsonObject().put("media_ids", new JsonArray().add("123")))))
        .compose(unknownMedia -> client.postAbs(simulator.baseUrl("x") + "/2/media/upload")
            .bearerTokenAuthentication("x-user").sendJsonObject(upload)
            .compose(uploaded -> tweet(new JsonObject().put("text", "With media").put("media", new JsonObject()
                .put("media_ids", new JsonArray().add(uploaded.bodyAsJsonObject().getJsonObject("data").getString("id"))))))
            .compose(withMedia -> tweet(new JsonObject().put("text", "Reply to nothing")
                .put("reply", new JsonObject().put("in_reply_to_tweet_id", "42")))
                .compose(orphan -> tweet(new JsonObject().put("text", "A reply").put("reply", new JsonObject()
                        .put("in_reply_to_tweet_id", withMedia.bodyAsJsonObject().getJsonObject("data").getString("id")))))
                .compose(reply -> posts("x"))
                .onComplete(ctx.succeeding(recorded -> ctx.verify(() -> {
                  assertThat(unknownMedia.statusCode()).isEqualTo(400);
                  assertThat(unknownMedia.bodyAsJsonObject().getString("type")).endsWith("/invalid-request");
                  assertThat(unknownMedia.bodyAsString()).contains("Your media IDs are invalid.");
                  assertThat(withMedia.statusCode()).isEqualTo(201);
                  assertThat(recorded).hasSize(2);
                  assertThat(recorded.getJsonObject(0).getString("kind")).isEqualTo("image");
                  assertThat(recorded.getJsonObject(1).getString("kind")).isEqualTo("reply");
                  assertThat(recorded.getJsonObject(1).getString("inReplyTo"))
                      .isEqualTo(recorded.getJsonObject(0).getString("id"));
                  ctx.completeNow();
                })))));
  }

  @Test
  @DisplayName("X: replying to a post that does not exist is the 403 X gives")
  void xReplyToNothing(Vertx vertx, VertxTestContext ctx) {
    start(vertx, new SimulatorOptions())
        .compose(s -> tweet(new JsonObject().put("text", "Reply to nothing")
            .put("reply", new JsonObject().put("in_reply_to_tweet_id", "42"))))
        .onComplete(ctx.succeeding(refused -> ctx.verify(() -> {
          assertThat(refused.statusCode()).isEqualTo(403);
          assertThat(refused.bodyAsJsonObject().getString("detail")).contains("deleted or not visible");
          ctx.completeNow();
        })));
  }

  private Future<HttpResponse<Buffer>> container(String... params) {
    var request = client.postAbs(simulator.baseUrl("instagram") + "/v21.0/" + IG_USER + "/media")
        .addQueryParam("access_token", "ig-t");
    for (int i = 0; i < params.length; i += 2) {
      request.addQueryParam(params[i], params[i + 1]);
    }
    return request.send();
  }

  private Future<HttpResponse<Buffer>> igPublish(String creationId) {
    return client.postAbs(simulator.baseUrl("instagram") + "/v21.0/" + IG_USER + "/media_publish")
        .addQueryParam("creation_id", creationId).addQueryParam("access_token", "ig-t").send();
  }

  private static String id(HttpResponse<Buffer> response) {
    return response.bodyAsJsonObject().getString("id");
  }

  @Test
  @DisplayName("Instagram: a carousel needs 2 to 10 free items, items never publish alone, and reels need a video")
  void instagramCarouselAndReel(Vertx vertx, VertxTestContext ctx) {
    String image = "https://cdn.example/a.jpg";
    start(vertx, new SimulatorOptions().setProcessingMs(0))
        .compose(s -> Future.all(container("image_url", image, "is_carousel_item", "true"),
            container("image_url", image, "is_carousel_item", "true")))
        .compose(items -> {
          String first = id(items.resultAt(0));
          String second = id(items.resultAt(1));
          return Future.all(List.of(
                  container("media_type", "CAROUSEL", "children", first, "caption", "one item"),
                  igPublish(first),
                  container("media_type", "REELS", "image_url", image),
                  container("media_type", "CAROUSEL", "children", first + "," + second, "caption", "Two")))
              .compose(answers -> igPublish(id(answers.resultAt(3)))
                  .compose(published -> container("media_type", "CAROUSEL", "children", first + "," + second))
                  .compose(reused -> posts("instagram").onComplete(ctx.succeeding(recorded -> ctx.verify(() -> {
                    HttpResponse<Buffer> oneItem = answers.resultAt(0);
                    HttpResponse<Buffer> itemAlone = answers.resultAt(1);
                    HttpResponse<Buffer> reelOfImage = answers.resultAt(2);
                    for (HttpResponse<Buffer> refused : List.of(oneItem, itemAlone, reelOfImage, reused)) {
                      assertThat(refused.statusCode()).isEqualTo(400);
                      assertThat(refused.bodyAsJsonObject().getJsonObject("error").getInteger("code")).isEqualTo(100);
                    }
                    assertThat(recorded).hasSize(1);
                    assertThat(recorded.getJsonObject(0).getString("kind")).isEqualTo("carousel");
                    assertThat(recorded.getJsonObject(0).getJsonArray("mediaUrls")).hasSize(2);
                    ctx.completeNow();
                  })))));
        });
  }

  @Test
  @DisplayName("Instagram: a carousel is IN_PROGRESS while its items are")
  void carouselWaitsForItems(Vertx vertx, VertxTestContext ctx) {
    start(vertx, new SimulatorOptions().setProcessingMs(60_000))
        .compose(s -> Future.all(container("image_url", "https://cdn.example/a.jpg", "is_carousel_item", "true"),
            container("image_url", "https://cdn.example/b.jpg", "is_carousel_item", "true")))
        .compose(items -> container("media_type", "CAROUSEL", "children", id(items.resultAt(0)) + "," + id(items.resultAt(1))))
        .compose(carousel -> client.getAbs(simulator.baseUrl("instagram") + "/v21.0/" + id(carousel))
            .addQueryParam("fields", "status_code").addQueryParam("access_token", "ig-t").send())
        .onComplete(ctx.succeeding(status -> ctx.verify(() -> {
          assertThat(status.bodyAsJsonObject().getString("status_code")).isEqualTo("IN_PROGRESS");
          ctx.completeNow();
        })));
  }

  private Future<HttpResponse<Buffer>> linkedin(String path, JsonObject body) {
    return client.postAbs(simulator.baseUrl("linkedin") + path).bearerTokenAuthentication("li-t")
        .putHeader("LinkedIn-Version", "202601").putHeader("X-Restli-Protocol-Version", "2.0.0").sendJsonObject(body);
  }

  private static JsonObject linkedinPost(String imageUrn) {
    return new JsonObject().put("author", ORG).put("commentary", "With an image").put("visibility", "PUBLIC")
        .put("lifecycleState", "PUBLISHED").put("content", new JsonObject().put("media", new JsonObject().put("id", imageUrn)));
  }

  @Test
  @DisplayName("LinkedIn: an image is usable only once its bytes are uploaded to the URL initializeUpload gave")
  void linkedinImage(Vertx vertx, VertxTestContext ctx) {
    start(vertx, new SimulatorOptions())
        .compose(s -> linkedin("/rest/images?action=initializeUpload",
            new JsonObject().put("initializeUploadRequest", new JsonObject().put("owner", ORG))))
        .compose(initialized -> {
          JsonObject value = initialized.bodyAsJsonObject().getJsonObject("value");
          return linkedin("/rest/posts", linkedinPost(value.getString("image")))
              .compose(early -> client.putAbs(value.getString("uploadUrl")).bearerTokenAuthentication("li-t")
                  .sendBuffer(Buffer.buffer("jpeg bytes"))
                  .compose(uploaded -> linkedin("/rest/posts", linkedinPost(value.getString("image"))))
                  .compose(created -> posts("linkedin").onComplete(ctx.succeeding(recorded -> ctx.verify(() -> {
                    assertThat(early.statusCode()).isEqualTo(422);
                    assertThat(early.bodyAsJsonObject().getString("message")).contains("has not completed");
                    assertThat(created.statusCode()).isEqualTo(201);
                    assertThat(recorded.getJsonObject(0).getString("kind")).isEqualTo("image");
                    assertThat(recorded.getJsonObject(0).getJsonArray("mediaUrls")).containsExactly(value.getString("image"));
                    ctx.completeNow();
                  })))));
        });
  }

  @Test
  @DisplayName("TikTok: a direct post with a privacy level the creator is not offered is privacy_level_option_mismatch")
  void tiktokPrivacy(Vertx vertx, VertxTestContext ctx) {
    JsonObject init = new JsonObject()
        .put("post_info", new JsonObject().put("title", "Video").put("privacy_level", "PUBLIC_TO_EVERYONE"))
        .put("source_info", new JsonObject().put("source", "PULL_FROM_URL").put("video_url", "https://cdn.example/v.mp4"));
    start(vertx, new SimulatorOptions().setTiktokPrivacyLevelOptions(List.of("SELF_ONLY")))
        .compose(s -> client.postAbs(simulator.baseUrl("tiktok") + "/v2/post/publish/creator_info/query/")
            .bearerTokenAuthentication("tt-t").send())
        .compose(creator -> client.postAbs(simulator.baseUrl("tiktok") + "/v2/post/publish/video/init/")
            .bearerTokenAuthentication("tt-t").sendJsonObject(init)
            .onComplete(ctx.succeeding(refused -> ctx.verify(() -> {
              assertThat(creator.bodyAsJsonObject().getJsonObject("data").getJsonArray("privacy_level_options"))
                  .containsExactly("SELF_ONLY");
              assertThat(refused.statusCode()).isEqualTo(400);
              assertThat(refused.bodyAsJsonObject().getJsonObject("error").getString("code"))
                  .isEqualTo("privacy_level_option_mismatch");
              ctx.completeNow();
            }))));
  }

  @Test
  @DisplayName("Facebook: a scheduled post is recorded with its time but stays off the Page's feed until then")
  void facebookScheduled(Vertx vertx, VertxTestContext ctx) {
    long at = Instant.now().plusSeconds(3600).getEpochSecond();
    start(vertx, new SimulatorOptions())
        .compose(s -> client.postAbs(simulator.baseUrl("facebook") + "/v21.0/104857600000001/feed")
            .addQueryParam("access_token", "fb-t").addQueryParam("message", "Later")
            .addQueryParam("published", "false").addQueryParam("scheduled_publish_time", String.valueOf(at)).send())
        .compose(created -> client.getAbs(simulator.baseUrl("facebook") + "/v21.0/104857600000001/feed")
            .addQueryParam("access_token", "fb-t").send()
            .compose(feed -> posts("facebook").onComplete(ctx.succeeding(recorded -> ctx.verify(() -> {
              assertThat(created.statusCode()).isEqualTo(200);
              assertThat(feed.bodyAsJsonObject().getJsonArray("data")).isEmpty();
              assertThat(recorded.getJsonObject(0).getString("kind")).isEqualTo("scheduled");
              assertThat(recorded.getJsonObject(0).getString("publishAt")).isEqualTo(Instant.ofEpochSecond(at).toString());
              ctx.completeNow();
            })))));
  }
}
