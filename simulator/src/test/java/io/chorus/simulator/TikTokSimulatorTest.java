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
class TikTokSimulatorTest {

  private Simulator simulator;
  private WebClient client;

  @BeforeEach
  void start(Vertx vertx, VertxTestContext ctx) {
    client = WebClient.create(vertx);
    Simulator.create(vertx, new SimulatorOptions().setTiktokInitsPerMinute(2).setProcessingMs(300)).listen()
        .onComplete(ctx.succeeding(started -> {
          simulator = started;
          ctx.completeNow();
        }));
  }

  private Future<HttpResponse<Buffer>> call(String path, String token, JsonObject body) {
    var request = client.postAbs(simulator.baseUrl("tiktok") + "/v2/post/publish/" + path);
    if (token != null) {
      request.bearerTokenAuthentication(token);
    }
    return request.sendJsonObject(body);
  }

  private JsonObject photoPost(String title, String privacy) {
    return new JsonObject()
        .put("media_type", "PHOTO")
        .put("post_mode", "DIRECT_POST")
        .put("post_info", new JsonObject().put("title", title).put("description", "Slow mornings #coffee")
            .put("privacy_level", privacy).put("disable_comment", false).put("auto_add_music", true))
        .put("source_info", new JsonObject().put("source", "PULL_FROM_URL").put("photo_cover_index", 0)
            .put("photo_images", new JsonArray().add(simulator.baseUrl() + "/media/autumn-harvest-1.jpg")));
  }

  @Test
  @DisplayName("creator info lists the privacy options inside the ok envelope")
  void creatorInfo(VertxTestContext ctx) {
    call("creator_info/query/", "tt-t", new JsonObject()).onComplete(ctx.succeeding(response -> ctx.verify(() -> {
      assertThat(response.statusCode()).isEqualTo(200);
      JsonObject body = response.bodyAsJsonObject();
      assertThat(body.getJsonObject("error").getString("code")).isEqualTo("ok");
      assertThat(body.getJsonObject("error").getString("log_id")).isNotBlank();
      assertThat(body.getJsonObject("data").getJsonArray("privacy_level_options"))
          .contains("PUBLIC_TO_EVERYONE", "SELF_ONLY");
      ctx.completeNow();
    })));
  }

  @Test
  @DisplayName("a photo post is accepted, reports PROCESSING_DOWNLOAD, then PUBLISH_COMPLETE with a post id")
  void photoPostFlow(Vertx vertx, VertxTestContext ctx) {
    call("content/init/", "tt-t", photoPost("First frost", "PUBLIC_TO_EVERYONE")).compose(init -> {
      String publishId = init.bodyAsJsonObject().getJsonObject("data").getString("publish_id");
      JsonObject fetch = new JsonObject().put("publish_id", publishId);
      return call("status/fetch/", "tt-t", fetch).compose(first -> {
        ctx.verify(() -> assertThat(first.bodyAsJsonObject().getJsonObject("data").getString("status"))
            .isEqualTo("PROCESSING_DOWNLOAD"));
        return SimulatorFixture.pollUntil(vertx, () -> call("status/fetch/", "tt-t", fetch),
            r -> "PUBLISH_COMPLETE".equals(r.bodyAsJsonObject().getJsonObject("data").getString("status")), 5000);
      });
    }).onComplete(ctx.succeeding(done -> ctx.verify(() -> {
      JsonObject data = done.bodyAsJsonObject().getJsonObject("data");
      assertThat(data.getJsonArray("publicaly_available_post_id")).hasSize(1);
      assertThat(data.getJsonArray("publicaly_available_post_id").getString(0)).matches("\\d+");
      assertThat(done.bodyAsJsonObject().getJsonObject("error").getString("code")).isEqualTo("ok");
      ctx.completeNow();
    })));
  }

  @Test
  @DisplayName("a video pulled from a URL gets a publish id")
  void videoInit(VertxTestContext ctx) {
    JsonObject body = new JsonObject()
        .put("post_info", new JsonObject().put("title", "Roasting day").put("privacy_level", "SELF_ONLY"))
        .put("source_info", new JsonObject().put("source", "PULL_FROM_URL")
            .put("video_url", "https://media.chorus.example/roast.mp4"));
    call("video/init/", "tt-t", body).onComplete(ctx.succeeding(response -> ctx.verify(() -> {
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.bodyAsJsonObject().getJsonObject("data").getString("publish_id")).startsWith("v_pub_url");
      ctx.completeNow();
    })));
  }

  @Test
  @DisplayName("without a token the envelope carries access_token_invalid with 401")
  void missingToken(VertxTestContext ctx) {
    call("content/init/", null, photoPost("t", "SELF_ONLY")).onComplete(ctx.succeeding(response -> ctx.verify(() -> {
      assertThat(response.statusCode()).isEqualTo(401);
      assertThat(response.bodyAsJsonObject().getJsonObject("error").getString("code"))
          .isEqualTo("access_token_invalid");
      assertThat(response.bodyAsJsonObject().getJsonObject("data")).isNotNull();
      ctx.completeNow();
    })));
  }

  @Test
  @DisplayName("a title over 90 characters is invalid_params and an unknown privacy level is a mismatch")
  void validatesTheInit(VertxTestContext ctx) {
    call("content/init/", "tt-t", photoPost("t".repeat(91), "SELF_ONLY"))
        .compose(tooLong -> call("content/init/", "tt-t", photoPost("ok", "FRIENDS")).map(mismatch -> {
          ctx.verify(() -> {
            assertThat(tooLong.statusCode()).isEqualTo(400);
            assertThat(tooLong.bodyAsJsonObject().getJsonObject("error").getString("code"))
                .isEqualTo("invalid_params");
            assertThat(mismatch.bodyAsJsonObject().getJsonObject("error").getString("code"))
                .isEqualTo("privacy_level_option_mismatch");
          });
          return mismatch;
        }))
        .onComplete(ctx.succeedingThenComplete());
  }

  @Test
  @DisplayName("past the per-token init rate the answer is 429 rate_limit_exceeded, other tokens unaffected")
  void enforcesTheInitRate(VertxTestContext ctx) {
    call("content/init/", "tt-t", photoPost("one", "SELF_ONLY"))
        .compose(r -> call("content/init/", "tt-t", photoPost("two", "SELF_ONLY")))
        .compose(r -> call("content/init/", "tt-t", photoPost("three", "SELF_ONLY")))
        .compose(limited -> call("content/init/", "other", photoPost("three", "SELF_ONLY")).map(other -> {
          ctx.verify(() -> {
            assertThat(limited.statusCode()).isEqualTo(429);
            assertThat(limited.bodyAsJsonObject().getJsonObject("error").getString("code"))
                .isEqualTo("rate_limit_exceeded");
            assertThat(other.statusCode()).isEqualTo(200);
          });
          return other;
        }))
        .onComplete(ctx.succeedingThenComplete());
  }
}
