package io.chorus.contracts;

import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;

/**
 * The one failure shape of Chorus: a code, a message for people, whether trying again may
 * succeed, and (when known) how long to wait before doing so.
 */
public record ChorusError(ErrorCode code, String message, boolean retryable, long retryAfterMs) {

  public static ChorusError of(ErrorCode code, String message) {
    return new ChorusError(code, message, code.retryableByDefault(), 0);
  }

  public static ChorusError retryAfter(ErrorCode code, String message, long retryAfterMs) {
    return new ChorusError(code, message, true, retryAfterMs);
  }

  /** This error as a failed-future cause. */
  public ChorusException exception() {
    return new ChorusException(this);
  }

  /** Fails a bus request with this error; the receiver recovers it with {@link #from(Throwable)}. */
  public void failReply(Message<?> request) {
    request.fail(code.number(), toJson().encode());
  }

  JsonObject toJson() {
    return new JsonObject()
        .put("code", code.name())
        .put("message", message)
        .put("retryable", retryable)
        .put("retryAfterMs", retryAfterMs);
  }

  /**
   * The Chorus error behind any failure: a {@link ChorusException}, a bus reply failed with
   * {@link #failReply}, a bus timeout or missing handler, or anything else (as INTERNAL).
   */
  public static ChorusError from(Throwable failure) {
    if (failure instanceof ChorusException ce) {
      return ce.error();
    }
    if (failure instanceof ReplyException re) {
      if (re.failureType() == ReplyFailure.TIMEOUT) {
        return of(ErrorCode.TIMEOUT, re.getMessage());
      }
      if (re.failureType() == ReplyFailure.NO_HANDLERS) {
        return new ChorusError(ErrorCode.INTERNAL, "no handler: " + re.getMessage(), true, 0);
      }
      return parse(re.failureCode(), re.getMessage());
    }
    String message = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
    return of(ErrorCode.INTERNAL, message);
  }

  private static ChorusError parse(int number, String body) {
    try {
      JsonObject json = new JsonObject(body == null ? "" : body);
      return new ChorusError(
          ErrorCode.valueOf(json.getString("code")),
          json.getString("message"),
          json.getBoolean("retryable", false),
          json.getLong("retryAfterMs", 0L));
    } catch (DecodeException | IllegalArgumentException | NullPointerException | ClassCastException notOurs) {
      return of(ErrorCode.fromNumber(number), body);
    }
  }
}
