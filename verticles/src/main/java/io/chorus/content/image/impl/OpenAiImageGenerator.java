package io.chorus.content.image.impl;

import io.chorus.content.image.ImageGenerator;
import io.chorus.content.image.ImageOptions;
import io.chorus.contracts.ChorusError;
import io.chorus.contracts.ErrorCode;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.util.Base64;

/**
 * OpenAI's {@code POST /v1/images/generations}: one image, base64 in {@code data[0].b64_json}, or,
 * for the dall-e models when they answer with {@code data[0].url}, fetched from that URL.
 */
public final class OpenAiImageGenerator implements ImageGenerator {
  private final WebClient web;
  private final ImageOptions.Endpoint endpoint;
  private final long timeoutMs;

  public OpenAiImageGenerator(WebClient web, ImageOptions.Endpoint endpoint, long timeoutMs) {
    this.web = web;
    this.endpoint = endpoint;
    this.timeoutMs = timeoutMs;
  }

  @Override
  public String source() {
    return ImageOptions.OPENAI;
  }

  @Override
  public Future<byte[]> generate(String prompt, long seed) {
    JsonObject body = new JsonObject().put("model", endpoint.model()).put("prompt", prompt).put("n", 1)
        .put("size", endpoint.shape());
    if (endpoint.model().startsWith("gpt-image")) {
      body.put("output_format", endpoint.format());
    } else {
      body.put("response_format", "b64_json");
    }
    return web.postAbs(endpoint.baseUrl().replaceAll("/+$", "") + "/v1/images/generations")
        .bearerTokenAuthentication(endpoint.apiKey())
        .timeout(timeoutMs)
        .sendJsonObject(body)
        .recover(failure -> Future.failedFuture(
            ChorusError.of(ErrorCode.PROVIDER_UNAVAILABLE, "openai unreachable: " + failure.getMessage()).exception()))
        .compose(this::image);
  }

  private Future<byte[]> image(HttpResponse<Buffer> response) {
    JsonObject json;
    try {
      json = response.bodyAsJsonObject();
    } catch (RuntimeException notJson) {
      json = null;
    }
    if (response.statusCode() != 200) {
      JsonObject error = json == null ? new JsonObject() : json.getJsonObject("error", new JsonObject());
      boolean quota = "insufficient_quota".equals(error.getString("code"));
      return Future.failedFuture(ProviderErrors.of("openai", response,
          error.getString("message", "no error message"), quota).exception());
    }
    JsonArray data = json == null ? null : json.getJsonArray("data");
    JsonObject first = data == null || data.isEmpty() ? null : data.getJsonObject(0);
    if (first != null && first.getString("b64_json") != null) {
      return Future.succeededFuture(Base64.getDecoder().decode(first.getString("b64_json")));
    }
    if (first != null && first.getString("url") != null) {
      return web.getAbs(first.getString("url")).timeout(timeoutMs).send().compose(file -> file.statusCode() == 200
          ? Future.succeededFuture(file.bodyAsBuffer().getBytes())
          : Future.failedFuture(ChorusError.of(ErrorCode.PROVIDER_UNAVAILABLE,
              "openai image URL answered " + file.statusCode()).exception()));
    }
    return Future.failedFuture(ChorusError.of(ErrorCode.PROVIDER_UNAVAILABLE,
        "openai answered 200 without data[0].b64_json or url").exception());
  }
}
