package io.chorus.content.image;

import io.chorus.content.image.impl.OpenAiImageGenerator;
import io.chorus.content.image.impl.StabilityImageGenerator;
import io.vertx.core.Future;
import io.vertx.ext.web.client.WebClient;

/**
 * Makes an image from a prompt through an image generation API. Failures are ChorusErrors:
 * RATE_LIMITED (retryable, with the provider's wait) on 429, PROVIDER_UNAVAILABLE on 5xx and
 * timeouts, INVALID_REQUEST when the provider refuses the prompt or the key.
 */
public interface ImageGenerator {

  /** The generator {@code options.provider()} names; only call when {@link ImageOptions#generates()}. */
  static ImageGenerator create(WebClient web, ImageOptions options) {
    return switch (options.provider()) {
      case ImageOptions.OPENAI -> new OpenAiImageGenerator(web, options.openai(), options.timeoutMs());
      case ImageOptions.STABILITY -> new StabilityImageGenerator(web, options.stability(), options.timeoutMs());
      default -> throw new IllegalArgumentException("content.images.provider: no image generator named "
          + options.provider() + "; expected openai or stability");
    };
  }

  /** The provider's name, as stored with the media ({@code openai}, {@code stability}). */
  String source();

  /** The image's file bytes. */
  Future<byte[]> generate(String prompt, long seed);
}
