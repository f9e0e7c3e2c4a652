package io.chorus.platform;

import io.chorus.contracts.ChorusError;
import io.chorus.contracts.ErrorCode;
import io.chorus.contracts.Platform;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.WebClient;

/**
 * Downloads a post's media for platforms that take the bytes rather than a URL (X, LinkedIn). A
 * URL that answers 4xx is a permanent refusal; an unreachable one or a 5xx may pass.
 */
public final class MediaFetcher {
  private final Platform platform;
  private final WebClient web;
  private final long timeoutMs;

  public MediaFetcher(Platform platform, WebClient web, long timeoutMs) {
    this.platform = platform;
    this.web = web;
    this.timeoutMs = timeoutMs;
  }

  /** The bytes and content type at the URL. */
  public Future<Media> fetch(String url) {
    return web.getAbs(url).timeout(timeoutMs).send()
        .recover(failure -> Future.failedFuture(ChorusError.of(ErrorCode.PLATFORM_UNAVAILABLE,
            "media " + url + " for " + platform.id() + " unreachable: " + failure.getMessage()).exception()))
        .compose(response -> {
          if (response.statusCode() / 100 == 2 && response.body() != null) {
            String type = response.getHeader("Content-Type");
            return Future.succeededFuture(new Media(response.body(), type == null ? "application/octet-stream" : type));
          }
          ErrorCode code = response.statusCode() >= 500 ? ErrorCode.PLATFORM_UNAVAILABLE : ErrorCode.INVALID_REQUEST;
          return Future.failedFuture(ChorusError.of(code, "media " + url + " for " + platform.id() + " answered "
              + response.statusCode()).exception());
        });
  }

  /** Downloaded media: its bytes and its content type. */
  public record Media(Buffer bytes, String contentType) {}
}
