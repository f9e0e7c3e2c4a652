package io.chorus.content.image;

import io.vertx.core.json.JsonObject;
import java.util.Locale;

/**
 * Where images come from: {@code content.images} (which generator, its endpoint, key and model)
 * and {@code media.baseUrl}, where the campaigns' media library files are read from.
 *
 * @param provider {@code none} (library only), {@code openai} or {@code stability}
 */
public record ImageOptions(
    String provider,
    long timeoutMs,
    Endpoint openai,
    Endpoint stability,
    String libraryBaseUrl) {

  public static final String NONE = "none";
  public static final String OPENAI = "openai";
  public static final String STABILITY = "stability";
  public static final long DEFAULT_TIMEOUT_MS = 60_000;

  /**
   * One generator's API.
   *
   * @param model OpenAI's {@code model} (e.g. gpt-image-1) or Stability's endpoint (core, ultra)
   * @param shape OpenAI's {@code size} (e.g. 1024x1024) or Stability's {@code aspect_ratio} (e.g. 1:1)
   * @param format {@code png} or {@code jpeg}
   */
  public record Endpoint(String baseUrl, String apiKey, String model, String shape, String format) {}

  public static ImageOptions fromConfig(JsonObject config) {
    JsonObject images = config.getJsonObject("content", new JsonObject()).getJsonObject("images", new JsonObject());
    JsonObject openai = images.getJsonObject("openai", new JsonObject());
    JsonObject stability = images.getJsonObject("stability", new JsonObject());
    return new ImageOptions(
        images.getString("provider", NONE).toLowerCase(Locale.ROOT),
        images.getLong("timeoutMs", DEFAULT_TIMEOUT_MS),
        new Endpoint(openai.getString("baseUrl", "https://api.openai.com"), openai.getString("apiKey"),
            openai.getString("model", "gpt-image-1"), openai.getString("size", "1024x1024"),
            openai.getString("outputFormat", "jpeg")),
        new Endpoint(stability.getString("baseUrl", "https://api.stability.ai"), stability.getString("apiKey"),
            stability.getString("model", "core"), stability.getString("aspectRatio", "1:1"),
            stability.getString("outputFormat", "jpeg")),
        config.getJsonObject("media", new JsonObject()).getString("baseUrl"));
  }

  /** Whether posts with an image prompt get a generated image. */
  public boolean generates() {
    return !NONE.equals(provider);
  }

  /** The configured generator's endpoint. */
  public Endpoint endpoint() {
    return OPENAI.equals(provider) ? openai : stability;
  }
}
