package io.chorus.platform;

import io.chorus.contracts.ChorusError;
import io.chorus.contracts.ChorusException;
import io.chorus.contracts.ErrorCode;
import io.chorus.contracts.Platform;
import io.chorus.platform.signal.RateSignals;
import io.chorus.platform.signal.Throttle;
import io.chorus.platform.signal.ThrottledException;
import io.chorus.platform.signal.UnauthorizedException;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;

/**
 * Turns a platform's HTTP answers into Chorus outcomes: 2xx passes; 429 (or a throttle the
 * platform's {@link ErrorReader} recognises) is RATE_LIMITED with the wait its
 * {@link RateSignals} state, 5xx, temporary faults and transport failures (timeouts, refused
 * connections) PLATFORM_UNAVAILABLE honouring Retry-After, both retryable; a refused token and
 * any other status are PLATFORM_REJECTED with the platform's own message.
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
            : Future.failedFuture(fromStatus(platform, response, reader)));
  }

  /**
   * The failure a non-2xx answer stands for: a {@link ThrottledException} for throttling, an
   * {@link UnauthorizedException} for a refused token, else a plain Chorus error.
   */
  static ChorusException fromStatus(Platform platform, HttpResponse<Buffer> response, ErrorReader reader) {
    int status = response.statusCode();
    JsonObject body = json(response);
    String said = reader.message(body);
    String message = platform.id() + " answered " + status + ": "
        + (said == null || said.isBlank() ? response.statusMessage() : said);
    long nowMs = System.currentTimeMillis();
    ErrorKind kind = reader.classify(status, body);
    if (kind == ErrorKind.THROTTLED) {
      Throttle throttle = RateSignals.read(platform, response.headers(), body, nowMs);
      return new ThrottledException(
          ChorusError.retryAfter(ErrorCode.RATE_LIMITED, message, Math.max(0, throttle.waitMs())), throttle);
    }
    if (kind == ErrorKind.TRANSIENT) {
      return ChorusError.retryAfter(ErrorCode.PLATFORM_UNAVAILABLE, message,
          Math.max(0, RateSignals.retryAfterMs(response.headers(), nowMs))).exception();
    }
    if (status == 401 || reader.tokenRefused(body)) {
      return new UnauthorizedException(ChorusError.of(ErrorCode.PLATFORM_REJECTED, message));
    }
    return ChorusError.of(ErrorCode.PLATFORM_REJECTED, message).exception();
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
