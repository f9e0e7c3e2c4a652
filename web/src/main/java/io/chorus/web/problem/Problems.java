package io.chorus.web.problem;

import io.chorus.contracts.ChorusError;
import io.chorus.contracts.ErrorCode;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Turns failures into problem+json responses, so that no stack trace or internal detail leaves the server. */
public final class Problems {
  private static final Logger LOG = LoggerFactory.getLogger(Problems.class);

  private Problems() {}

  /** Writes the problem as the response, unless a response has already started. */
  public static void send(RoutingContext rc, Problem problem) {
    if (rc.response().headWritten() || rc.response().closed()) {
      return;
    }
    if (problem.retryAfterSeconds() > 0) {
      rc.response().putHeader(HttpHeaders.RETRY_AFTER, Long.toString(problem.retryAfterSeconds()));
    }
    rc.response()
        .setStatusCode(problem.status())
        .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
        .end(problem.toJson().encode());
  }

  /** The problem a failed request to another verticle amounts to. */
  public static Problem fromFailure(Throwable failure) {
    if (failure instanceof ReplyException re && re.failureType() == ReplyFailure.NO_HANDLERS) {
      // Nothing on the cluster serves the address: the service is down, not broken.
      return new Problem(ProblemTypes.SERVICE_UNAVAILABLE, "Service unavailable", 503,
          "The service that answers this request is not running; try again shortly.", List.of(), 5);
    }
    return fromError(ChorusError.from(failure));
  }

  /**
   * The problem a Chorus error amounts to; internal errors are logged, not described. Services name
   * the field at fault of an invalid request as {@code field: why}; that becomes a field error.
   */
  public static Problem fromError(ChorusError error) {
    int colon = error.message() == null ? -1 : error.message().indexOf(": ");
    if (error.code() == ErrorCode.INVALID_REQUEST && colon > 0
        && error.message().substring(0, colon).matches("[A-Za-z][A-Za-z0-9.\\[\\]]*")) {
      return Problem.invalidRequest(List.of(
          new FieldError(error.message().substring(0, colon), error.message().substring(colon + 2))));
    }
    int status = statusOf(error.code());
    String detail = error.message();
    if (status == 500) {
      LOG.error("Internal error behind an API request: {}", error);
      detail = "The server could not complete the request.";
    }
    long retryAfterSeconds = error.retryAfterMs() > 0 ? Math.max(1, (error.retryAfterMs() + 999) / 1000) : 0;
    return new Problem(ProblemTypes.forCode(error.code()), titleOf(error.code()), status, detail,
        List.of(), retryAfterSeconds);
  }

  /** The HTTP status of a Chorus error code. */
  public static int statusOf(ErrorCode code) {
    return switch (code) {
      case INVALID_REQUEST -> 400;
      case NOT_FOUND -> 404;
      case ILLEGAL_TRANSITION, REAUTHORIZATION_REQUIRED, CONFLICT -> 409;
      case PLATFORM_REJECTED -> 422;
      case RATE_LIMITED -> 429;
      case PLATFORM_UNAVAILABLE, PROVIDER_UNAVAILABLE, STORAGE_UNAVAILABLE -> 503;
      case TIMEOUT -> 504;
      case BUDGET_EXCEEDED -> 402;
      case INTERNAL -> 500;
    };
  }

  /** A problem that says no more than its HTTP status, such as 404 or 413. */
  public static Problem forStatus(int status) {
    String reason = HttpResponseStatus.valueOf(status).reasonPhrase();
    String detail = switch (status) {
      case 404 -> "No resource lives at this address.";
      case 405 -> "This resource does not accept that method.";
      case 413 -> "The request body is larger than this server accepts.";
      default -> status >= 500 ? "The server could not complete the request." : reason + ".";
    };
    return Problem.of(ProblemTypes.BLANK, reason, status, detail);
  }

  /** The router's failure handler: every failed route ends as problem+json. */
  public static void onFailure(RoutingContext rc) {
    Throwable failure = rc.failure();
    if (failure != null && rc.statusCode() == -1) {
      LOG.error("Unhandled failure on {} {}", rc.request().method(), rc.request().path(), failure);
      send(rc, forStatus(500));
      return;
    }
    send(rc, forStatus(rc.statusCode() == -1 ? 500 : rc.statusCode()));
  }

  private static String titleOf(ErrorCode code) {
    String words = code.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    return Character.toUpperCase(words.charAt(0)) + words.substring(1);
  }
}
