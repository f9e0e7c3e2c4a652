package io.chorus.simulator.images;

import io.chorus.simulator.support.RateWindow;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * OpenAI's image generation, {@code POST /openai/v1/images/generations}: bearer key, JSON body,
 * {@code data[].b64_json} (always for gpt-image-1) or {@code data[].url} (dall-e with
 * {@code response_format=url}, served by the simulator), OpenAI's error envelope and its
 * {@code x-ratelimit-*} headers with a 429 past the per-key requests-per-minute quota.
 */
public final class OpenAiImages {
  public static final String PATH = "/openai/v1/images/generations";
  private static final String FILES = "/openai/_files/";
  private static final Set<String> MODELS = Set.of("gpt-image-1", "dall-e-3", "dall-e-2");
  private static final int KEPT_FILES = 50;

  private final Vertx vertx;
  private final RateWindow perMinute;
  private final Map<String, byte[]> files = new LinkedHashMap<>() {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, byte[]> eldest) {
      return size() > KEPT_FILES;
    }
  };

  public OpenAiImages(Vertx vertx, int imagesPerMinute) {
    this.vertx = vertx;
    this.perMinute = new RateWindow(imagesPerMinute, 60_000, false);
  }

  public void mount(Router router) {
    router.post(PATH).handler(this::generate);
    router.get(FILES + ":name").handler(this::file);
  }

  private void generate(RoutingContext ctx) {
    String key = bearer(ctx);
    if (key == null) {
      error(ctx, 401, "You didn't provide an API key. You need to provide your API key in an Authorization header "
          + "using Bearer auth (i.e. Authorization: Bearer YOUR_KEY).", "invalid_request_error", null, null);
      return;
    }
    RateWindow.Usage usage = perMinute.consume(key);
    long resetMs = Math.max(0, usage.resetAtMillis() - System.currentTimeMillis());
    ctx.response()
        .putHeader("x-request-id", "req_" + UUID.randomUUID().toString().replace("-", ""))
        .putHeader("x-ratelimit-limit-requests", Integer.toString(usage.limit()))
        .putHeader("x-ratelimit-remaining-requests", Integer.toString(usage.remaining()))
        .putHeader("x-ratelimit-reset-requests", resetMs + "ms");
    if (!usage.allowed()) {
      ctx.response().putHeader("retry-after", Long.toString((resetMs + 999) / 1000));
      error(ctx, 429, "Rate limit reached for images per min. Limit: " + usage.limit() + "/1min.",
          "requests", null, "rate_limit_exceeded");
      return;
    }
    JsonObject body;
    try {
      body = ctx.body().asJsonObject();
    } catch (RuntimeException malformed) {
      body = null;
    }
    if (body == null) {
      error(ctx, 400, "We could not parse the JSON body of your request.", "invalid_request_error", null, null);
      return;
    }
    String prompt = body.getValue("prompt") instanceof String p && !p.isBlank() ? p : null;
    String model = body.getString("model", "dall-e-2");
    String size = body.getString("size", "1024x1024");
    if (prompt == null) {
      error(ctx, 400, "Missing required parameter: 'prompt'.", "invalid_request_error", "prompt",
          "missing_required_parameter");
      return;
    }
    if (!MODELS.contains(model)) {
      error(ctx, 404, "The model '" + model + "' does not exist or you do not have access to it.",
          "invalid_request_error", "model", "model_not_found");
      return;
    }
    int[] dimensions = dimensions(model, size);
    if (dimensions == null) {
      error(ctx, 400, "Invalid value: '" + size + "'. Supported values are: " + sizes(model) + ".",
          "invalid_request_error", "size", "invalid_value");
      return;
    }
    boolean url = "url".equals(body.getString("response_format")) && !model.equals("gpt-image-1");
    String format = "jpeg".equals(body.getString("output_format")) ? "jpeg" : "png";
    vertx.executeBlocking(() -> Painter.paint(prompt, dimensions[0], dimensions[1], format)).onComplete(painted -> {
      if (painted.failed()) {
        error(ctx, 500, "The server had an error while processing your request.", "server_error", null, null);
        return;
      }
      JsonObject image = new JsonObject();
      if (url) {
        String name = UUID.randomUUID() + "." + format;
        files.put(name, painted.result());
        image.put("url", "http://" + ctx.request().authority() + FILES + name);
      } else {
        image.put("b64_json", Base64.getEncoder().encodeToString(painted.result()));
      }
      if (model.equals("dall-e-3")) {
        image.put("revised_prompt", prompt);
      }
      JsonObject response = new JsonObject()
          .put("created", System.currentTimeMillis() / 1000)
          .put("data", new JsonArray().add(image));
      if (model.equals("gpt-image-1")) {
        // The SDKs require input_tokens_details; a prompt without input images is all text tokens.
        int input = Math.max(1, prompt.length() / 4);
        response.put("output_format", format)
            .put("size", dimensions[0] + "x" + dimensions[1])
            .put("usage", new JsonObject().put("input_tokens", input).put("output_tokens", 4160)
                .put("total_tokens", input + 4160)
                .put("input_tokens_details", new JsonObject().put("text_tokens", input).put("image_tokens", 0)));
      }
      ctx.response().putHeader("Content-Type", "application/json").end(response.encode());
    });
  }

  private void file(RoutingContext ctx) {
    byte[] bytes = files.get(ctx.pathParam("name"));
    if (bytes == null) {
      ctx.response().setStatusCode(404).end();
      return;
    }
    ctx.response().putHeader("Content-Type", ctx.pathParam("name").endsWith(".jpeg") ? "image/jpeg" : "image/png")
        .end(Buffer.buffer(bytes));
  }

  private static int[] dimensions(String model, String size) {
    if (!sizes(model).contains(size)) {
      return null;
    }
    String concrete = size.equals("auto") ? "1024x1024" : size;
    String[] parts = concrete.split("x");
    return new int[] {Integer.parseInt(parts[0]), Integer.parseInt(parts[1])};
  }

  private static String sizes(String model) {
    return switch (model) {
      case "gpt-image-1" -> "1024x1024, 1536x1024, 1024x1536, auto";
      case "dall-e-3" -> "1024x1024, 1792x1024, 1024x1792";
      default -> "256x256, 512x512, 1024x1024";
    };
  }

  private static String bearer(RoutingContext ctx) {
    String header = ctx.request().getHeader("Authorization");
    return header != null && header.startsWith("Bearer ") && header.length() > 7 ? header.substring(7) : null;
  }

  private static void error(RoutingContext ctx, int status, String message, String type, String param, String code) {
    JsonObject error = new JsonObject().put("message", message).put("type", type).put("param", param).put("code", code);
    ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json")
        .end(new JsonObject().put("error", error).encode());
  }
}
