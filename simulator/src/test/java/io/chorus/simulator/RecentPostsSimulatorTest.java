package io.chorus.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import org.assertj.core.data.Offset;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Each platform lists an account's recent posts, newest first, in its own wire shape. */
@ExtendWith(VertxExtension.class)
class RecentPostsSimulatorTest {
  private static final String GRAPH_TIME = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\+0000";

  private Simulator simulator;
  private WebClient client;

  @BeforeEach
  void start(Vertx vertx, VertxTestContext ctx) {
    client = WebClient.create(vertx);
    Simulator.create(vertx, new SimulatorOptions().setPort(0).setProcessingMs(0)).listen()
        .onComplete(ctx.succeeding(started -> {
          simulator = started;
          ctx.completeNow();
        }));
  }

  private String url(String platform, String path) {
    return simulator.baseUrl(platform) + path;
  }

  /** Runs the calls one after the other, so the posts they make have a known order. */
  private static Future<Void> inOrder(List<Supplier<Future<?>>> calls) {
    Future<?> chain = Future.succeededFuture();
    for (var call : calls) {
      chain = chain.compose(done -> call.get());
    }
    return chain.mapEmpty();
  }

  private Future<?> tweet(String token, String text) {
    return client.postAbs(url("x", "/2/tweets")).bearerTokenAuthentication(token)
        .sendJsonObject(new JsonObject().put("text", text));
  }

  @Test
  @DisplayName("X lists the token's user's posts newest first, five or more a page, with a next_token")
  void xTimeline(VertxTestContext ctx) {
    var calls = IntStream.rangeClosed(1, 6).<Supplier<Future<?>>>mapToObj(
        i -> () -> tweet("user-a", "post " + i)).toList();
    HttpRequest<Buffer> firstPage = client.getAbs(url("x", "/2/users/1600000000000000001/tweets"))
        .bearerTokenAuthentication("user-a").addQueryParam("max_results", "5")
        .addQueryParam("tweet.fields", "created_at");
    inOrder(calls)
        .compose(done -> tweet("user-b", "someone else"))
        .compose(done -> firstPage.send())
        .compose(first -> client.getAbs(url("x", "/2/users/1600000000000000001/tweets"))
            .bearerTokenAuthentication("user-a").addQueryParam("max_results", "5")
            .addQueryParam("pagination_token", first.bodyAsJsonObject().getJsonObject("meta").getString("next_token"))
            .send().map(second -> List.of(first, second)))
        .onComplete(ctx.succeeding(pages -> ctx.verify(() -> {
          JsonObject first = pages.get(0).bodyAsJsonObject();
          assertThat(texts(first.getJsonArray("data"), "text")).containsExactly("post 6", "post 5", "post 4", "post 3", "post 2");
          assertThat(first.getJsonArray("data").getJsonObject(0).getString("created_at")).endsWith("Z");
          assertThat(first.getJsonObject("meta").getInteger("result_count")).isEqualTo(5);
          JsonObject second = pages.get(1).bodyAsJsonObject();
          assertThat(texts(second.getJsonArray("data"), "text")).containsExactly("post 1");
          assertThat(second.getJsonArray("data").getJsonObject(0).containsKey("created_at")).isFalse();
          assertThat(second.getJsonObject("meta").containsKey("next_token")).isFalse();
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("X refuses a page size outside 5 to 100, and an empty timeline has only a zero count")
  void xTimelineLimits(VertxTestContext ctx) {
    client.getAbs(url("x", "/2/users/1/tweets")).bearerTokenAuthentication("user-a")
        .addQueryParam("max_results", "2").send()
        .compose(tooSmall -> client.getAbs(url("x", "/2/users/1/tweets")).bearerTokenAuthentication("user-a")
            .addQueryParam("start_time", "2020-01-01T00:00:00Z").send().map(empty -> List.of(tooSmall, empty)))
        .onComplete(ctx.succeeding(answers -> ctx.verify(() -> {
          assertThat(answers.get(0).statusCode()).isEqualTo(400);
          assertThat(answers.get(0).bodyAsJsonObject().getString("title")).isEqualTo("Invalid Request");
          assertThat(answers.get(1).statusCode()).isEqualTo(200);
          assertThat(answers.get(1).bodyAsJsonObject()).isEqualTo(new JsonObject().put("meta",
              new JsonObject().put("result_count", 0)));
          ctx.completeNow();
        })));
  }

  private Future<?> pagePost(String page, String message) {
    return client.postAbs(url("facebook", "/v21.0/" + page + "/feed")).bearerTokenAuthentication("page-token")
        .sendForm(MultiMap.caseInsensitiveMultiMap().add("message", message));
  }

  @Test
  @DisplayName("Facebook lists a Page's feed newest first with message and created_time, paged by cursor")
  void facebookFeed(VertxTestContext ctx) {
    inOrder(List.of(() -> pagePost("111", "first"), () -> pagePost("111", "second"),
            () -> pagePost("111", "third"), () -> pagePost("222", "elsewhere")))
        .compose(done -> client.getAbs(url("facebook", "/v21.0/111/feed")).bearerTokenAuthentication("page-token")
            .addQueryParam("limit", "2").send())
        .compose(first -> client.getAbs(url("facebook", "/v21.0/111/published_posts"))
            .bearerTokenAuthentication("page-token").addQueryParam("fields", "id,message")
            .addQueryParam("after", first.bodyAsJsonObject().getJsonObject("paging").getJsonObject("cursors").getString("after"))
            .send().map(second -> List.of(first, second)))
        .onComplete(ctx.succeeding(pages -> ctx.verify(() -> {
          JsonObject first = pages.get(0).bodyAsJsonObject();
          assertThat(texts(first.getJsonArray("data"), "message")).containsExactly("third", "second");
          assertThat(first.getJsonArray("data").getJsonObject(0).getString("created_time")).matches(GRAPH_TIME);
          assertThat(first.getJsonArray("data").getJsonObject(0).getString("id")).startsWith("111_");
          assertThat(first.getJsonObject("paging").getString("next")).contains("after=");
          JsonObject second = pages.get(1).bodyAsJsonObject();
          assertThat(texts(second.getJsonArray("data"), "message")).containsExactly("first");
          assertThat(second.getJsonArray("data").getJsonObject(0).containsKey("created_time")).isFalse();
          assertThat(second.getJsonObject("paging").containsKey("next")).isFalse();
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("Instagram lists a user's published media with the caption and timestamp asked for")
  void instagramMedia(VertxTestContext ctx) {
    String base = url("instagram", "/v21.0/17841400000000001");
    client.postAbs(base + "/media").bearerTokenAuthentication("ig-token")
        .sendForm(MultiMap.caseInsensitiveMultiMap().add("image_url", "https://cdn.example/a.jpg").add("caption", "Autumn is here"))
        .compose(container -> client.postAbs(base + "/media_publish").bearerTokenAuthentication("ig-token")
            .addQueryParam("creation_id", container.bodyAsJsonObject().getString("id")).send())
        .compose(published -> client.getAbs(base + "/media").bearerTokenAuthentication("ig-token")
            .addQueryParam("fields", "id,caption,timestamp").send()
            .map(listed -> List.of(published, listed)))
        .onComplete(ctx.succeeding(answers -> ctx.verify(() -> {
          JsonArray data = answers.get(1).bodyAsJsonObject().getJsonArray("data");
          assertThat(data).hasSize(1);
          assertThat(data.getJsonObject(0).getString("id")).isEqualTo(answers.get(0).bodyAsJsonObject().getString("id"));
          assertThat(data.getJsonObject(0).getString("caption")).isEqualTo("Autumn is here");
          assertThat(data.getJsonObject(0).getString("timestamp")).matches(GRAPH_TIME);
          ctx.completeNow();
        })));
  }

  private HttpRequest<Buffer> linkedIn(HttpRequest<Buffer> request) {
    return request.bearerTokenAuthentication("li-token").putHeader("LinkedIn-Version", "202601")
        .putHeader("X-Restli-Protocol-Version", "2.0.0");
  }

  @Test
  @DisplayName("LinkedIn finds an author's posts with their URN ids and commentary, only with the version headers")
  void linkedInFinder(VertxTestContext ctx) {
    String author = "urn:li:organization:5550001";
    JsonObject post = new JsonObject().put("author", author).put("commentary", "Fresh \\#coffee")
        .put("visibility", "PUBLIC").put("lifecycleState", "PUBLISHED");
    linkedIn(client.postAbs(url("linkedin", "/rest/posts"))).sendJsonObject(post)
        .compose(created -> linkedIn(client.getAbs(url("linkedin", "/rest/posts")))
            .addQueryParam("q", "author").addQueryParam("author", author).addQueryParam("count", "10").send()
            .compose(found -> client.getAbs(url("linkedin", "/rest/posts")).bearerTokenAuthentication("li-token")
                .addQueryParam("q", "author").addQueryParam("author", author).send()
                .map(unversioned -> List.of(created, found, unversioned))))
        .onComplete(ctx.succeeding(answers -> ctx.verify(() -> {
          JsonObject found = answers.get(1).bodyAsJsonObject();
          JsonObject element = found.getJsonArray("elements").getJsonObject(0);
          assertThat(element.getString("id")).isEqualTo(answers.get(0).getHeader("x-restli-id"));
          assertThat(element.getString("commentary")).isEqualTo("Fresh \\#coffee");
          assertThat(element.getLong("createdAt")).isPositive();
          assertThat(found.getJsonObject("paging").getInteger("count")).isEqualTo(10);
          assertThat(answers.get(2).statusCode()).isEqualTo(426);
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("TikTok lists the creator's posts in its envelope with the fields asked for, and needs fields")
  void tiktokVideoList(VertxTestContext ctx) {
    JsonObject photo = new JsonObject().put("media_type", "PHOTO").put("post_mode", "DIRECT_POST")
        .put("post_info", new JsonObject().put("title", "Harvest").put("description", "Harvest blend is back")
            .put("privacy_level", "PUBLIC_TO_EVERYONE"))
        .put("source_info", new JsonObject().put("source", "PULL_FROM_URL")
            .put("photo_images", new JsonArray().add("https://cdn.example/a.jpg")).put("photo_cover_index", 0));
    client.postAbs(url("tiktok", "/v2/post/publish/content/init/")).bearerTokenAuthentication("tt-token")
        .sendJsonObject(photo)
        .compose(init -> client.postAbs(url("tiktok", "/v2/video/list/")).bearerTokenAuthentication("tt-token")
            .addQueryParam("fields", "id,title,video_description,create_time")
            .sendJsonObject(new JsonObject().put("max_count", 20)))
        .compose(listed -> client.postAbs(url("tiktok", "/v2/video/list/")).bearerTokenAuthentication("tt-token")
            .sendJsonObject(new JsonObject()).map(noFields -> List.of(listed, noFields)))
        .onComplete(ctx.succeeding(answers -> ctx.verify(() -> {
          JsonObject listed = answers.get(0).bodyAsJsonObject();
          assertThat(listed.getJsonObject("error").getString("code")).isEqualTo("ok");
          JsonObject video = listed.getJsonObject("data").getJsonArray("videos").getJsonObject(0);
          assertThat(video.getString("video_description")).isEqualTo("Harvest blend is back");
          assertThat(video.getString("id")).matches("\\d+");
          assertThat(video.getLong("create_time")).isCloseTo(System.currentTimeMillis() / 1000,
              Offset.offset(60L));
          assertThat(listed.getJsonObject("data").getBoolean("has_more")).isFalse();
          assertThat(answers.get(1).statusCode()).isEqualTo(400);
          assertThat(answers.get(1).bodyAsJsonObject().getJsonObject("error").getString("code")).isEqualTo("invalid_params");
          ctx.completeNow();
        })));
  }

  private static List<String> texts(JsonArray items, String field) {
    return items.stream().map(item -> ((JsonObject) item).getString(field)).toList();
  }
}
