package io.chorus.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
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
class FacebookSimulatorTest {

  private Simulator simulator;
  private WebClient client;

  @BeforeEach
  void start(Vertx vertx, VertxTestContext ctx) {
    client = WebClient.create(vertx);
    Simulator.create(vertx, new SimulatorOptions().setFacebookCallsPerHour(4).setMetaAppCallsPerHour(8)).listen()
        .onComplete(ctx.succeeding(started -> {
          simulator = started;
          ctx.completeNow();
        }));
  }

  private String feed() {
    return simulator.baseUrl("facebook") + "/v21.0/4242/feed";
  }

  @Test
  @DisplayName("a form-encoded feed post with access_token returns {page}_{post} and the usage headers")
  void postsFromAForm(VertxTestContext ctx) {
    MultiMap form = MultiMap.caseInsensitiveMultiMap().add("message", "Autumn is here").add("access_token", "page-t");
    client.postAbs(feed()).sendForm(form).onComplete(ctx.succeeding(response -> ctx.verify(() -> {
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.bodyAsJsonObject().getString("id")).matches("4242_\\d+");
      JsonObject page = new JsonObject(response.getHeader("X-Business-Use-Case-Usage")).getJsonArray("page-t").getJsonObject(0);
      assertThat(page.getInteger("call_count")).as("one of the Page's 4 calls").isEqualTo(25);
      assertThat(page.getString("type")).isEqualTo("pages");
      assertThat(page.getInteger("estimated_time_to_regain_access")).isZero();
      JsonObject app = new JsonObject(response.getHeader("X-App-Usage"));
      assertThat(app.getInteger("call_count")).as("one of the app's 8 calls").isEqualTo(13);
      assertThat(app.fieldNames()).contains("total_cputime", "total_time");
      ctx.completeNow();
    })));
  }

  @Test
  @DisplayName("a JSON body with a bearer token and a link is accepted too")
  void postsFromJson(VertxTestContext ctx) {
    JsonObject body = new JsonObject().put("message", "Read more").put("link", "https://northwind.example/autumn");
    client.postAbs(feed()).bearerTokenAuthentication("page-t").sendJsonObject(body)
        .onComplete(ctx.succeeding(response -> ctx.verify(() -> {
          assertThat(response.statusCode()).isEqualTo(200);
          assertThat(response.bodyAsJsonObject().getString("id")).startsWith("4242_");
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("without a token the Graph envelope reports an OAuthException with code 190")
  void rejectsAMissingToken(VertxTestContext ctx) {
    client.postAbs(feed()).addQueryParam("message", "hi").send()
        .onComplete(ctx.succeeding(response -> ctx.verify(() -> {
          assertThat(response.statusCode()).isEqualTo(400);
          JsonObject error = response.bodyAsJsonObject().getJsonObject("error");
          assertThat(error.getString("type")).isEqualTo("OAuthException");
          assertThat(error.getInteger("code")).isEqualTo(190);
          assertThat(error.getString("fbtrace_id")).isNotBlank();
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("a post with neither message nor link is refused with code 100")
  void rejectsAnEmptyPost(VertxTestContext ctx) {
    client.postAbs(feed()).addQueryParam("access_token", "page-t").send()
        .onComplete(ctx.succeeding(response -> ctx.verify(() -> {
          assertThat(response.statusCode()).isEqualTo(400);
          assertThat(response.bodyAsJsonObject().getJsonObject("error").getInteger("code")).isEqualTo(100);
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("a photo post returns both the photo id and the feed post id")
  void postsAPhoto(VertxTestContext ctx) {
    client.postAbs(simulator.baseUrl("facebook") + "/v21.0/4242/photos")
        .addQueryParam("access_token", "page-t")
        .addQueryParam("url", simulator.baseUrl() + "/media/autumn.jpg")
        .addQueryParam("message", "Fresh roast")
        .send()
        .onComplete(ctx.succeeding(response -> ctx.verify(() -> {
          assertThat(response.statusCode()).isEqualTo(200);
          assertThat(response.bodyAsJsonObject().getString("id")).matches("\\d+");
          assertThat(response.bodyAsJsonObject().getString("post_id")).matches("4242_\\d+");
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("past the Page's hourly calls the answer is code 80001 with the time to regain access")
  void enforcesThePageQuota(VertxTestContext ctx) {
    var post = client.postAbs(feed()).addQueryParam("access_token", "page-t");
    post.copy().addQueryParam("message", "1").send()
        .compose(r -> post.copy().addQueryParam("message", "2").send())
        .compose(r -> post.copy().addQueryParam("message", "3").send())
        .compose(r -> post.copy().addQueryParam("message", "4").send())
        .compose(r -> post.copy().addQueryParam("message", "5").send())
        .onComplete(ctx.succeeding(response -> ctx.verify(() -> {
          assertThat(response.statusCode()).isEqualTo(400);
          assertThat(response.bodyAsJsonObject().getJsonObject("error").getInteger("code")).isEqualTo(80001);
          JsonObject page = new JsonObject(response.getHeader("X-Business-Use-Case-Usage")).getJsonArray("page-t").getJsonObject(0);
          assertThat(page.getInteger("call_count")).isEqualTo(100);
          assertThat(page.getInteger("estimated_time_to_regain_access")).isBetween(1, 60);
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("past the app's hourly calls, shared by all Pages, the answer is code 4 with X-App-Usage at 100")
  void enforcesTheAppQuota(VertxTestContext ctx) {
    Future<HttpResponse<Buffer>> calls = Future.succeededFuture();
    for (int i = 0; i < 9; i++) {
      String token = "page-" + (i % 3);
      String text = "post " + i;
      calls = calls.compose(r -> client.postAbs(feed()).addQueryParam("access_token", token)
          .addQueryParam("message", text).send());
    }
    calls.onComplete(ctx.succeeding(response -> ctx.verify(() -> {
      assertThat(response.statusCode()).isEqualTo(400);
      assertThat(response.bodyAsJsonObject().getJsonObject("error").getInteger("code")).isEqualTo(4);
      assertThat(new JsonObject(response.getHeader("X-App-Usage")).getInteger("call_count")).isEqualTo(100);
      ctx.completeNow();
    })));
  }

  @Test
  @DisplayName("an unknown Graph path answers 404 in the Graph error envelope")
  void unknownPath(VertxTestContext ctx) {
    client.getAbs(simulator.baseUrl("facebook") + "/v21.0/4242/nothing/here").send()
        .onComplete(ctx.succeeding(response -> ctx.verify(() -> {
          assertThat(response.statusCode()).isEqualTo(404);
          assertThat(response.bodyAsJsonObject().getJsonObject("error").getString("type"))
              .isEqualTo("GraphMethodException");
          ctx.completeNow();
        })));
  }
}
