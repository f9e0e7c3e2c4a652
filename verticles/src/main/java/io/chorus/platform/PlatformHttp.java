package io.chorus.platform;

import io.chorus.contracts.ChorusError;
import io.chorus.contracts.ChorusException;
import io.chorus.contracts.ErrorCode;
import io.chorus.contracts.Platform;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Turns a platform's HTTP answers into Chorus outcomes: 2xx passes; otherwise the platform's
 * {@link ErrorReader} classifies the answer: throttling is RATE_LIMITED, transient faults (and
 * transport failures: timeouts, refused connections) PLATFORM_UNAVAILABLE, both retryable and
 * honouring Retry-After or x-rate-limit-reset; permanent refusals are PLATFORM_REJECTED with the
 * platform's own message.
 */
public final class PlatformHttp {

  private PlatformHttp() {}

  /**
   * The response of a sent request if its status is 2xx, else the mapped failure.
   *
   * @param reader reads the platform's error body (an empty object when the body is not JSON)
   */
  public static Future<HttpResponse<Buffer>> checked(
      Platform platform, Future<HttpResponse<Buffer>> sent, ErrorReader reader) {
    return sent.recover(failure -> Future.failedFuture(unreachable(platform, failure).exception()))
        .compose(response -> response.statusCode() / 100 == 2
            ? Future.succeededFuture(response)
            : Future.failedFuture(fromStatus(platform, response, reader).exception()));
  }

  /** The error a non-2xx answer stands for. */
  static ChorusError fromStatus(Platform platform, HttpResponse<Buffer> response, ErrorReader reader) {
    int status = response.statusCode();
    JsonObject body = json(response);
    String said = reader.message(body);
    String message = platform.id() + " answered " + status + ": "
        + (said == null || said.isBlank() ? response.statusMessage() : said);
    long retryAfterMs = retryAfterMs(response.headers(), System.currentTimeMillis());
    return error(reader.classify(status, body), message, retryAfterMs);
  }

  /** The Chorus error for a platform failure of this kind, keeping the platform's message. */
  public static ChorusError error(ErrorKind kind, String message, long retryAfterMs) {
    return switch (kind) {
      case THROTTLED -> ChorusError.retryAfter(ErrorCode.RATE_LIMITED, message, retryAfterMs);
      case TRANSIENT -> ChorusError.retryAfter(ErrorCode.PLATFORM_UNAVAILABLE, message, retryAfterMs);
      case PERMANENT -> ChorusError.of(ErrorCode.PLATFORM_REJECTED, message);
    };
  }

  private static ChorusError unreachable(Platform platform, Throwable failure) {
    if (failure instanceof ChorusException known) {
      return known.error();
    }
    return ChorusError.of(ErrorCode.PLATFORM_UNAVAILABLE, platform.id() + " unreachable: " + failure.getMessage());
  }

  /**
   * How long the platform asks us to wait: {@code Retry-After} (seconds or an HTTP date), else
   * {@code x-rate-limit-reset} (X: unix seconds when the window resets), else 0.
   */
  static long retryAfterMs(MultiMap headers, long nowMs) {
    String retryAfter = headers.get("retry-after");
    String reset = headers.get("x-rate-limit-reset");
    try {
      if (retryAfter != null && retryAfter.strip().matches("\\d+")) {
        return Long.parseLong(retryAfter.strip()) * 1000;
      }
      if (retryAfter != null) {
        Instant at = ZonedDateTime.parse(retryAfter.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        return Math.max(0, at.toEpochMilli() - nowMs);
      }
      if (reset != null) {
        return Math.max(0, Long.parseLong(reset.strip()) * 1000 - nowMs);
      }
    } catch (NumberFormatException | DateTimeParseException unreadable) {
      // A header we cannot read is no reason to fail the request; the caller's backoff applies.
    }
    return 0;
  }

  /**
   * The request with the account's bearer token; without one the request goes out bare, so the
   * platform's own 401 tells what is wrong.
   */
  public static HttpRequest<Buffer> authorized(HttpRequest<Buffer> request, PlatformAccount account, PlatformSettings settings) {
    request.timeout(settings.timeoutMs());
    String token = account.accessToken();
    return token == null || token.isBlank() ? request : request.bearerTokenAuthentication(token);
  }

  /** The response body as a JSON object, or an empty one when it is empty or not a JSON object. */
  public static JsonObject json(HttpResponse<Buffer> response) {
    Buffer body = response.body();
    if (body == null || body.length() == 0) {
      return new JsonObject();
    }
    try {
      return body.toJsonObject();
    } catch (DecodeException | ClassCastException notAnObject) {
      return new JsonObject();
    }
  }

  /**
   * A failure for a 2xx answer we cannot make sense of. Not retryable: the platform may well
   * have published the post, and trying again could publish it twice.
   */
  public static <T> Future<T> unreadable(Platform platform, String what) {
    return Future.failedFuture(ChorusError.of(ErrorCode.INTERNAL, platform.id() + " answer without " + what).exception());
  }

  /** A failure for a publication the platform refused after accepting the request (e.g. a failed container). */
  public static <T> Future<T> rejected(Platform platform, String why) {
    return Future.failedFuture(ChorusError.of(ErrorCode.PLATFORM_REJECTED, platform.id() + " refused the post: " + why).exception());
  }
}
