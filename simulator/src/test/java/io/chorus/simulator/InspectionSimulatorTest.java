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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class InspectionSimulatorTest {

  private Simulator simulator;
  private WebClient client;

  @BeforeEach
  void start(Vertx vertx, VertxTestContext ctx) {
    client = WebClient.create(vertx);
    Simulator.create(vertx, new SimulatorOptions()).listen().onComplete(ctx.succeeding(started -> {
      simulator = started;
      ctx.completeNow();
    }));
  }

  private Future<HttpResponse<Buffer>> tweet(String text) {
    return client.postAbs(simulator.baseUrl("x") + "/2/tweets").bearerTokenAuthentication("user-a")
        .sendJsonObject(new JsonObject().put("text", text));
  }

  private Future<HttpResponse<Buffer>> facebookPost(String message) {
    return client.postAbs(simulator.baseUrl("facebook") + "/v21.0/4242/feed")
        .addQueryParam("access_token", "page-t").addQueryParam("message", message).send();
  }

  private Future<JsonObject> get(String pathAndQuery) {
    return client.getAbs(simulator.baseUrl() + pathAndQuery).send().map(HttpResponse::bodyAsJsonObject);
  }

  @Test
  @DisplayName("created posts are listed per platform in arrival order, with requests and stats")
  void listsPostsRequestsAndStats(VertxTestContext ctx) {
    tweet("first").compose(r -> tweet("second")).compose(r -> facebookPost("on the page"))
        .compose(r -> client.postAbs(simulator.baseUrl("x") + "/2/tweets").sendJsonObject(new JsonObject()))
        .compose(r -> Future.all(get("/_simulator/posts?platform=x"), get("/_simulator/posts"),
            get("/_simulator/requests?platform=x"), get("/_simulator/stats")))
        .onComplete(ctx.succeeding(all -> ctx.verify(() -> {
          JsonArray xPosts = all.<JsonObject>resultAt(0).getJsonArray("items");
          assertThat(xPosts).hasSize(2);
          assertThat(xPosts.getJsonObject(0).getString("text")).isEqualTo("first");
          assertThat(xPosts.getJsonObject(1).getString("text")).isEqualTo("second");
          assertThat(xPosts.getJsonObject(0).fieldNames())
              .contains("platform", "account", "id", "text", "mediaUrls", "receivedAt");
          assertThat(all.<JsonObject>resultAt(1).getJsonArray("items")).hasSize(3);
          JsonArray requests = all.<JsonObject>resultAt(2).getJsonArray("items");
          assertThat(requests).hasSize(3);
          assertThat(requests.getJsonObject(2).getInteger("status")).isEqualTo(401);
          assertThat(requests.getJsonObject(0).getString("path")).isEqualTo("/x/2/tweets");
          JsonObject x = all.<JsonObject>resultAt(3).getJsonObject("platforms").getJsonObject("x");
          assertThat(x.getInteger("posts")).isEqualTo(2);
          assertThat(x.getInteger("requests")).isEqualTo(3);
          assertThat(x.getInteger("rejected")).isEqualTo(1);
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("DELETE /_simulator/posts forgets posts and platform state, so the same text posts again")
  void deleteClearsState(VertxTestContext ctx) {
    tweet("again").compose(r -> client.deleteAbs(simulator.baseUrl() + "/_simulator/posts").send())
        .compose(deleted -> tweet("again").compose(r -> get("/_simulator/posts")).map(posts -> {
          ctx.verify(() -> {
            assertThat(deleted.statusCode()).isEqualTo(204);
            assertThat(posts.getJsonArray("items")).hasSize(1);
          });
          return posts;
        }))
        .onComplete(ctx.succeedingThenComplete());
  }

  @Test
  @DisplayName("media names ending in .jpg are a small valid JPEG, .mp4 a video stub; other names are 404")
  void servesMedia(VertxTestContext ctx) {
    client.getAbs(simulator.baseUrl() + "/media/autumn-harvest-1.jpg").send()
        .compose(jpeg -> client.headAbs(simulator.baseUrl() + "/media/autumn-harvest-1.jpg").send().compose(head ->
            client.getAbs(simulator.baseUrl() + "/media/clip.mp4").send().compose(video ->
            client.getAbs(simulator.baseUrl() + "/media/anim.gif").send().map(missing -> {
          ctx.verify(() -> {
            assertThat(jpeg.statusCode()).isEqualTo(200);
            assertThat(jpeg.getHeader("Content-Type")).isEqualTo("image/jpeg");
            byte[] bytes = jpeg.body().getBytes();
            assertThat(bytes.length).isGreaterThan(100);
            assertThat(bytes[0] & 0xFF).isEqualTo(0xFF);
            assertThat(bytes[1] & 0xFF).isEqualTo(0xD8);
            assertThat(head.statusCode()).isEqualTo(200);
            assertThat(head.getHeader("Content-Length")).isEqualTo(Integer.toString(bytes.length));
            assertThat(video.statusCode()).isEqualTo(200);
            assertThat(video.getHeader("Content-Type")).isEqualTo("video/mp4");
            assertThat(missing.statusCode()).isEqualTo(404);
          });
          return missing;
        }))))
        .onComplete(ctx.succeedingThenComplete());
  }

  @Test
  @DisplayName("unknown paths answer 404 in each platform's own error shape")
  void unknownPathsUseThePlatformShape(VertxTestContext ctx) {
    Future.all(
            client.getAbs(simulator.baseUrl("x") + "/2/nothing").send(),
            client.getAbs(simulator.baseUrl("linkedin") + "/rest/nothing").send(),
            client.postAbs(simulator.baseUrl("tiktok") + "/v2/nothing/").send())
        .onComplete(ctx.succeeding(all -> ctx.verify(() -> {
          HttpResponse<Buffer> x = all.resultAt(0);
          HttpResponse<Buffer> linkedin = all.resultAt(1);
          HttpResponse<Buffer> tiktok = all.resultAt(2);
          assertThat(x.statusCode()).isEqualTo(404);
          assertThat(x.bodyAsJsonObject().getInteger("status")).isEqualTo(404);
          assertThat(linkedin.statusCode()).isEqualTo(404);
          assertThat(linkedin.bodyAsJsonObject().getInteger("status")).isEqualTo(404);
          assertThat(tiktok.statusCode()).isEqualTo(404);
          assertThat(tiktok.bodyAsJsonObject().getJsonObject("error").getString("code")).isEqualTo("not_found");
          ctx.completeNow();
        })));
  }
}
