package io.chorus.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.multipart.MultipartForm;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Base64;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@DisplayName("The simulated image generators: OpenAI images and Stability AI Stable Image")
class ImageGenerationSimulatorTest {
  private Simulator simulator;
  private WebClient client;

  @BeforeEach
  void start(Vertx vertx, VertxTestContext ctx) {
    client = WebClient.create(vertx);
    Simulator.create(vertx, new SimulatorOptions().setImagesPerMinute(2)).listen()
        .onComplete(ctx.succeeding(started -> {
          simulator = started;
          ctx.completeNow();
        }));
  }

  private Future<HttpResponse<Buffer>> openai(String key, JsonObject body) {
    var request = client.postAbs(simulator.baseUrl() + "/openai/v1/images/generations");
    if (key != null) {
      request.bearerTokenAuthentication(key);
    }
    return request.sendJsonObject(body);
  }

  private Future<HttpResponse<Buffer>> stability(String key, String accept, MultipartForm form) {
    var request = client.postAbs(simulator.baseUrl() + "/stability/v2beta/stable-image/generate/core");
    if (key != null) {
      request.bearerTokenAuthentication(key);
    }
    return request.putHeader("Accept", accept).sendMultipartForm(form);
  }

  @Test
  @DisplayName("OpenAI: gpt-image-1 answers data[0].b64_json, a real PNG of the asked size, with usage and rate-limit headers")
  void openAiBase64(VertxTestContext ctx) {
    openai("sk-test", new JsonObject().put("model", "gpt-image-1").put("prompt", "a cup of coffee").put("size", "1536x1024"))
        .onComplete(ctx.succeeding(response -> ctx.verify(() -> {
          assertThat(response.statusCode()).isEqualTo(200);
          JsonObject body = response.bodyAsJsonObject();
          assertThat(body.getLong("created")).isPositive();
          assertThat(body.getJsonObject("usage").getInteger("total_tokens")).isPositive();
          BufferedImage image = decode(Base64.getDecoder().decode(
              body.getJsonArray("data").getJsonObject(0).getString("b64_json")));
          assertThat(image.getWidth()).isEqualTo(1536);
          assertThat(image.getHeight()).isEqualTo(1024);
          assertThat(response.getHeader("x-ratelimit-limit-requests")).isEqualTo("2");
          assertThat(response.getHeader("x-ratelimit-remaining-requests")).isEqualTo("1");
          assertThat(response.getHeader("x-ratelimit-reset-requests")).endsWith("ms");
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("OpenAI: dall-e-2 with response_format=url answers a URL the simulator serves")
  void openAiUrl(VertxTestContext ctx) {
    openai("sk-test", new JsonObject().put("model", "dall-e-2").put("prompt", "beans").put("size", "256x256")
            .put("response_format", "url"))
        .compose(response -> client.getAbs(response.bodyAsJsonObject().getJsonArray("data").getJsonObject(0)
            .getString("url")).send())
        .onComplete(ctx.succeeding(file -> ctx.verify(() -> {
          assertThat(file.statusCode()).isEqualTo(200);
          assertThat(file.getHeader("Content-Type")).isEqualTo("image/png");
          assertThat(decode(file.bodyAsBuffer().getBytes()).getWidth()).isEqualTo(256);
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("OpenAI: no key is 401, no prompt is 400 naming the param, past the quota 429 rate_limit_exceeded with retry-after")
  void openAiErrors(VertxTestContext ctx) {
    JsonObject ok = new JsonObject().put("model", "dall-e-2").put("prompt", "x").put("size", "256x256");
    Future.all(openai(null, ok), openai("sk-a", new JsonObject().put("model", "dall-e-2")))
        .compose(first -> openai("sk-b", ok).compose(r -> openai("sk-b", ok)).compose(r -> openai("sk-b", ok))
            .map(third -> new Object[] {first, third}))
        .onComplete(ctx.succeeding(results -> ctx.verify(() -> {
          var first = (io.vertx.core.CompositeFuture) results[0];
          HttpResponse<Buffer> unauthorized = first.resultAt(0);
          HttpResponse<Buffer> noPrompt = first.resultAt(1);
          @SuppressWarnings("unchecked")
          HttpResponse<Buffer> limited = (HttpResponse<Buffer>) results[1];
          assertThat(unauthorized.statusCode()).isEqualTo(401);
          assertThat(unauthorized.bodyAsJsonObject().getJsonObject("error").getString("message")).contains("API key");
          assertThat(noPrompt.statusCode()).isEqualTo(400);
          assertThat(noPrompt.bodyAsJsonObject().getJsonObject("error").getString("param")).isEqualTo("prompt");
          assertThat(limited.statusCode()).isEqualTo(429);
          assertThat(limited.bodyAsJsonObject().getJsonObject("error").getString("code")).isEqualTo("rate_limit_exceeded");
          assertThat(limited.getHeader("retry-after")).isNotNull();
          assertThat(limited.getHeader("x-ratelimit-remaining-requests")).isEqualTo("0");
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("Stability: Accept image/* answers the image's bytes with finish-reason and seed headers")
  void stabilityBytes(VertxTestContext ctx) {
    MultipartForm form = MultipartForm.create().attribute("prompt", "latte art").attribute("aspect_ratio", "16:9")
        .attribute("output_format", "jpeg").attribute("seed", "42");
    stability("sk-st", "image/*", form).onComplete(ctx.succeeding(response -> ctx.verify(() -> {
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.getHeader("Content-Type")).isEqualTo("image/jpeg");
      assertThat(response.getHeader("finish-reason")).isEqualTo("SUCCESS");
      assertThat(response.getHeader("seed")).isEqualTo("42");
      BufferedImage image = decode(response.bodyAsBuffer().getBytes());
      assertThat(image.getWidth()).isEqualTo(1344);
      assertThat(image.getHeight()).isEqualTo(768);
      ctx.completeNow();
    })));
  }

  @Test
  @DisplayName("Stability: Accept application/json answers {image: base64, finish_reason, seed}")
  void stabilityJson(VertxTestContext ctx) {
    stability("sk-st", "application/json", MultipartForm.create().attribute("prompt", "beans"))
        .onComplete(ctx.succeeding(response -> ctx.verify(() -> {
          JsonObject body = response.bodyAsJsonObject();
          assertThat(body.getString("finish_reason")).isEqualTo("SUCCESS");
          assertThat(body.getLong("seed")).isNotNull();
          assertThat(decode(Base64.getDecoder().decode(body.getString("image"))).getWidth()).isEqualTo(1024);
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("Stability: errors come as {id, name, errors[]}: 401 without a key, 400 for a JSON body or no prompt, 429 past the quota")
  void stabilityErrors(VertxTestContext ctx) {
    MultipartForm ok = MultipartForm.create().attribute("prompt", "p");
    Future.all(
            stability(null, "image/*", ok),
            client.postAbs(simulator.baseUrl() + "/stability/v2beta/stable-image/generate/core")
                .bearerTokenAuthentication("sk-a").putHeader("Accept", "image/*")
                .sendJsonObject(new JsonObject().put("prompt", "p")),
            stability("sk-b", "image/*", MultipartForm.create().attribute("aspect_ratio", "1:1")))
        .compose(first -> stability("sk-c", "image/*", ok).compose(r -> stability("sk-c", "image/*", ok))
            .compose(r -> stability("sk-c", "image/*", ok)).map(limited -> new Object[] {first, limited}))
        .onComplete(ctx.succeeding(results -> ctx.verify(() -> {
          var first = (io.vertx.core.CompositeFuture) results[0];
          HttpResponse<Buffer> unauthorized = first.resultAt(0);
          HttpResponse<Buffer> json = first.resultAt(1);
          HttpResponse<Buffer> noPrompt = first.resultAt(2);
          @SuppressWarnings("unchecked")
          HttpResponse<Buffer> limited = (HttpResponse<Buffer>) results[1];
          assertThat(unauthorized.statusCode()).isEqualTo(401);
          assertThat(json.statusCode()).isEqualTo(400);
          assertThat(json.bodyAsJsonObject().getJsonArray("errors").getString(0)).contains("multipart/form-data");
          assertThat(noPrompt.statusCode()).isEqualTo(400);
          assertThat(noPrompt.bodyAsJsonObject().getString("name")).isEqualTo("bad_request");
          assertThat(limited.statusCode()).isEqualTo(429);
          assertThat(limited.bodyAsJsonObject().getString("name")).isEqualTo("rate_limit_exceeded");
          assertThat(limited.bodyAsJsonObject().getString("id")).isNotBlank();
          ctx.completeNow();
        })));
  }

  private static BufferedImage decode(byte[] bytes) throws IOException {
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
    assertThat(image).as("a decodable image").isNotNull();
    return image;
  }
}
