package io.chorus.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class InstagramSimulatorTest {

  private static final String USER = "17841400000000001";

  private Simulator simulator;
  private WebClient client;

  private Future<Simulator> start(Vertx vertx, SimulatorOptions options) {
    client = WebClient.create(vertx);
    return Simulator.create(vertx, options).listen().onSuccess(started -> simulator = started);
  }

  private String graph(String path) {
    return simulator.baseUrl("instagram") + "/v21.0/" + path;
  }

  private Future<String> createContainer(String caption) {
    return client.postAbs(graph(USER + "/media"))
        .addQueryParam("access_token", "ig-t")
        .addQueryParam("image_url", simulator.baseUrl() + "/media/autumn.jpg")
        .addQueryParam("caption", caption)
        .send()
        .map(response -> response.bodyAsJsonObject().getString("id"));
  }

  private Future<HttpResponse<Buffer>> status(String containerId) {
    return client.getAbs(graph(containerId)).addQueryParam("fields", "status_code,status")
        .bearerTokenAuthentication("ig-t").send();
  }

  private Future<HttpResponse<Buffer>> publish(String containerId) {
    return client.postAbs(graph(USER + "/media_publish")).addQueryParam("creation_id", containerId)
        .addQueryParam("access_token", "ig-t").send();
  }

  @Test
  @DisplayName("a container is IN_PROGRESS, then FINISHED after the processing time, then publishes")
  void containerFlow(Vertx vertx, VertxTestContext ctx) {
    start(vertx, new SimulatorOptions().setProcessingMs(1000))
        .compose(s -> createContainer("First frost #coffee"))
        .compose(id -> status(id).compose(first -> {
          ctx.verify(() -> {
            JsonObject body = first.bodyAsJsonObject();
            assertThat(body.getString("status_code")).isEqualTo("IN_PROGRESS");
            assertThat(body.getString("id")).isEqualTo(id);
            assertThat(body.getString("status")).isNotBlank();
          });
          return SimulatorFixture.pollUntil(vertx, () -> status(id),
              r -> "FINISHED".equals(r.bodyAsJsonObject().getString("status_code")), 5000);
        }).compose(finished -> publish(id)))
        .onComplete(ctx.succeeding(published -> ctx.verify(() -> {
          assertThat(published.statusCode()).isEqualTo(200);
          assertThat(published.bodyAsJsonObject().getString("id")).matches("\\d+");
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("publishing a container that is still processing fails with code 9007, subcode 2207027")
  void publishTooEarly(Vertx vertx, VertxTestContext ctx) {
    start(vertx, new SimulatorOptions().setProcessingMs(60_000))
        .compose(s -> createContainer("Too soon"))
        .compose(this::publish)
        .onComplete(ctx.succeeding(response -> ctx.verify(() -> {
          assertThat(response.statusCode()).isEqualTo(400);
          JsonObject error = response.bodyAsJsonObject().getJsonObject("error");
          assertThat(error.getInteger("code")).isEqualTo(9007);
          assertThat(error.getInteger("error_subcode")).isEqualTo(2207027);
          assertThat(error.getString("fbtrace_id")).isNotBlank();
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("a caption with more than 30 hashtags is refused with code 100")
  void tooManyHashtags(Vertx vertx, VertxTestContext ctx) {
    StringBuilder caption = new StringBuilder("So many tags");
    for (int i = 0; i < 31; i++) {
      caption.append(" #tag").append(i);
    }
    start(vertx, new SimulatorOptions())
        .compose(s -> client.postAbs(graph(USER + "/media")).bearerTokenAuthentication("ig-t")
            .sendJsonObject(new JsonObject().put("image_url", simulator.baseUrl() + "/media/a.jpg")
                .put("caption", caption.toString())))
        .onComplete(ctx.succeeding(response -> ctx.verify(() -> {
          assertThat(response.statusCode()).isEqualTo(400);
          assertThat(response.bodyAsJsonObject().getJsonObject("error").getInteger("code")).isEqualTo(100);
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("without a token the container is refused with OAuthException code 190")
  void missingToken(Vertx vertx, VertxTestContext ctx) {
    start(vertx, new SimulatorOptions())
        .compose(s -> client.postAbs(graph(USER + "/media")).addQueryParam("image_url", "https://a.example/a.jpg")
            .send())
        .onComplete(ctx.succeeding(response -> ctx.verify(() -> {
          assertThat(response.statusCode()).isEqualTo(400);
          JsonObject error = response.bodyAsJsonObject().getJsonObject("error");
          assertThat(error.getString("type")).isEqualTo("OAuthException");
          assertThat(error.getInteger("code")).isEqualTo(190);
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("past the daily publishing quota media_publish fails with code 9, subcode 2207042")
  void publishingQuota(Vertx vertx, VertxTestContext ctx) {
    start(vertx, new SimulatorOptions().setProcessingMs(0).setInstagramPublishesPerDay(1))
        .compose(s -> createContainer("one")).compose(this::publish)
        .compose(first -> createContainer("two")).compose(this::publish)
        .compose(refused -> client.getAbs(graph(USER + "/content_publishing_limit"))
            .addQueryParam("access_token", "ig-t").send().map(limit -> {
              ctx.verify(() -> {
                assertThat(refused.statusCode()).isEqualTo(400);
                JsonObject error = refused.bodyAsJsonObject().getJsonObject("error");
                assertThat(error.getInteger("code")).isEqualTo(9);
                assertThat(error.getInteger("error_subcode")).isEqualTo(2207042);
                JsonObject usage = limit.bodyAsJsonObject().getJsonArray("data").getJsonObject(0);
                assertThat(usage.getInteger("quota_usage")).isEqualTo(1);
                assertThat(usage.getJsonObject("config").getInteger("quota_total")).isEqualTo(1);
              });
              return limit;
            }))
        .onComplete(ctx.succeedingThenComplete());
  }
}
