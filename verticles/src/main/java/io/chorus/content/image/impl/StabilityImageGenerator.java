package io.chorus.content.image.impl;

import io.chorus.content.image.ImageGenerator;
import io.chorus.content.image.ImageOptions;
import io.chorus.contracts.ChorusError;
import io.chorus.contracts.ErrorCode;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.multipart.MultipartForm;

/**
 * Stability AI's {@code POST /v2beta/stable-image/generate/{model}}: a multipart form, the image's
 * bytes back with {@code Accept: image/*}, errors as {@code {"name", "errors": [...]}}.
 */
public final class StabilityImageGenerator implements ImageGenerator {
  /** Stability's largest seed; 0 asks for a random one. */
  private static final long MAX_SEED = 4_294_967_294L;

  private final WebClient web;
  private final ImageOptions.Endpoint endpoint;
  private final long timeoutMs;

  public StabilityImageGenerator(WebClient web, ImageOptions.Endpoint endpoint, long timeoutMs) {
    this.web = web;
    this.endpoint = endpoint;
    this.timeoutMs = timeoutMs;
  }

  @Override
  public String source() {
    return ImageOptions.STABILITY;
  }

  @Override
  public Future<byte[]> generate(String prompt, long seed) {
    MultipartForm form = MultipartForm.create()
        .attribute("prompt", prompt)
        .attribute("aspect_ratio", endpoint.shape())
        .attribute("output_format", endpoint.format())
        .attribute("seed", Long.toString(1 + Math.floorMod(seed, MAX_SEED)));
    return web.postAbs(endpoint.baseUrl().replaceAll("/+$", "") + "/v2beta/stable-image/generate/" + endpoint.model())
        .bearerTokenAuthentication(endpoint.apiKey())
        .putHeader("Accept", "image/*")
        .timeout(timeoutMs)
        .sendMultipartForm(form)
        .recover(failure -> Future.failedFuture(ChorusError.of(ErrorCode.PROVIDER_UNAVAILABLE,
            "stability unreachable: " + failure.getMessage()).exception()))
        .compose(StabilityImageGenerator::image);
  }

  private static Future<byte[]> image(HttpResponse<Buffer> response) {
    String type = response.getHeader("Content-Type");
    if (response.statusCode() == 200 && type != null && type.startsWith("image/")) {
      if ("CONTENT_FILTERED".equals(response.getHeader("finish-reason"))) {
        return Future.failedFuture(new ChorusError(ErrorCode.INVALID_REQUEST,
            "stability filtered the image for its content; change the campaign's imagePrompt", false, 0).exception());
      }
      return Future.succeededFuture(response.bodyAsBuffer().getBytes());
    }
    String message;
    try {
      JsonObject json = response.bodyAsJsonObject();
      message = json.getString("name", "error") + ": " + String.join("; ", json.getJsonArray("errors").stream()
          .map(String::valueOf).toList());
    } catch (RuntimeException notTheEnvelope) {
      message = "unexpected " + type + " response";
    }
    if (response.statusCode() == 200) {
      return Future.failedFuture(ChorusError.of(ErrorCode.PROVIDER_UNAVAILABLE, "stability: " + message).exception());
    }
    return Future.failedFuture(ProviderErrors.of("stability", response, message, false).exception());
  }
}
