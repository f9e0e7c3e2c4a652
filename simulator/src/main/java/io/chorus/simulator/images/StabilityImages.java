package io.chorus.simulator.images;

import io.chorus.simulator.support.RateWindow;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

/**
 * Stability AI's Stable Image generation, {@code POST /stability/v2beta/stable-image/generate/{core|ultra}}:
 * bearer key, a multipart/form-data body, the image's bytes for {@code Accept: image/*} (with
 * {@code finish-reason} and {@code seed} headers) or {@code {"image": base64, ...}} for
 * {@code Accept: application/json}, Stability's {@code {id, name, errors[]}} error envelope, and
 * 429 past the per-key quota.
 */
public final class StabilityImages {
  public static final String PATH = "/stability/v2beta/stable-image/generate/:model";
  /** Width and height Stable Image Core returns for each aspect ratio (about one megapixel). */
  private static final Map<String, int[]> SIZES = Map.of(
      "1:1", new int[] {1024, 1024}, "16:9", new int[] {1344, 768}, "9:16", new int[] {768, 1344},
      "21:9", new int[] {1536, 640}, "9:21", new int[] {640, 1536}, "2:3", new int[] {832, 1216},
      "3:2", new int[] {1216, 832}, "4:5", new int[] {896, 1088}, "5:4", new int[] {1088, 896});

  private final Vertx vertx;
  private final RateWindow window;

  public StabilityImages(Vertx vertx, int imagesPerMinute) {
    this.vertx = vertx;
    this.window = new RateWindow(imagesPerMinute, 60_000, false);
  }

  public void mount(Router router) {
    router.post(PATH).handler(this::generate);
  }

  private void generate(RoutingContext ctx) {
    String model = ctx.pathParam("model");
    if (!model.equals("core") && !model.equals("ultra") && !model.equals("sd3")) {
      error(ctx, 404, "not_found", "model: unknown model " + model);
      return;
    }
    String auth = ctx.request().getHeader("Authorization");
    if (auth == null || !auth.startsWith("Bearer ") || auth.length() <= 7) {
      error(ctx, 401, "unauthorized", "authorization: missing or invalid API key");
      return;
    }
    RateWindow.Usage usage = window.consume(auth.substring(7));
    if (!usage.allowed()) {
      error(ctx, 429, "rate_limit_exceeded", "You have exceeded the rate limit of " + usage.limit()
          + " requests per minute; try again later.");
      return;
    }
    String contentType = ctx.request().getHeader("Content-Type");
    if (contentType == null || !contentType.startsWith("multipart/form-data")) {
      error(ctx, 400, "bad_request", "content-type: must be multipart/form-data");
      return;
    }
    String accept = ctx.request().getHeader("Accept");
    boolean json = accept != null && accept.contains("application/json");
    if (!json && (accept == null || !accept.startsWith("image/"))) {
      error(ctx, 400, "bad_request", "accept: must be image/* or application/json");
      return;
    }
    MultiMap form = ctx.request().formAttributes();
    String prompt = form.get("prompt");
    if (prompt == null || prompt.isBlank()) {
      error(ctx, 400, "bad_request", "prompt: cannot be empty");
      return;
    }
    int[] size = SIZES.get(form.get("aspect_ratio") == null ? "1:1" : form.get("aspect_ratio"));
    if (size == null) {
      error(ctx, 400, "bad_request", "aspect_ratio: must be one of " + String.join(", ", SIZES.keySet()));
      return;
    }
    String format = form.get("output_format") == null ? "png" : form.get("output_format");
    if (!format.equals("png") && !format.equals("jpeg")) {
      error(ctx, 400, "bad_request", "output_format: the simulator paints png or jpeg");
      return;
    }
    long seed = form.get("seed") == null || "0".equals(form.get("seed"))
        ? Math.floorMod(prompt.hashCode(), 4_294_967_294L) : Long.parseLong(form.get("seed"));
    vertx.executeBlocking(() -> Painter.paint(prompt + seed, size[0], size[1], format)).onComplete(painted -> {
      if (painted.failed()) {
        error(ctx, 500, "internal_error", "an unexpected server error occurred");
        return;
      }
      if (json) {
        ctx.response().putHeader("Content-Type", "application/json").end(new JsonObject()
            .put("image", Base64.getEncoder().encodeToString(painted.result()))
            .put("finish_reason", "SUCCESS")
            .put("seed", seed).encode());
      } else {
        ctx.response().putHeader("Content-Type", "image/" + format)
            .putHeader("finish-reason", "SUCCESS")
            .putHeader("seed", Long.toString(seed))
            .end(Buffer.buffer(painted.result()));
      }
    });
  }

  private static void error(RoutingContext ctx, int status, String name, String message) {
    ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json")
        .end(new JsonObject().put("id", UUID.randomUUID().toString().replace("-", "")).put("name", name)
            .put("errors", new JsonArray().add(message)).encode());
  }
}
