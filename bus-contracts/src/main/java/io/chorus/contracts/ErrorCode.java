package io.chorus.contracts;

import java.util.Arrays;

/** The kinds of failure a request on the bus can end in; each has a stable number used as the reply failure code. */
public enum ErrorCode {
  INVALID_REQUEST(400, false),
  NOT_FOUND(404, false),
  ILLEGAL_TRANSITION(409, false),
  /**
   * The request clashes with what exists: an id already taken, or a row the configuration
   * manages and only the configuration may change. (409 is taken by ILLEGAL_TRANSITION.)
   */
  CONFLICT(4090, false),
  RATE_LIMITED(429, true),
  PLATFORM_REJECTED(422, false),
  PLATFORM_UNAVAILABLE(503, true),
  PROVIDER_UNAVAILABLE(502, true),
  STORAGE_UNAVAILABLE(507, true),
  TIMEOUT(504, true),
  /** A brand spent its monthly LLM budget; generation for it stops until the next month or a higher budget. */
  BUDGET_EXCEEDED(402, false),
  /**
   * The account's platform authorization was revoked or cannot be renewed: its posts wait
   * (retryable) until someone authorizes the account again.
   */
  REAUTHORIZATION_REQUIRED(401, true),
  INTERNAL(500, false);

  private final int number;
  private final boolean retryableByDefault;

  ErrorCode(int number, boolean retryableByDefault) {
    this.number = number;
    this.retryableByDefault = retryableByDefault;
  }

  /** The failure code carried by a {@code ReplyException}. */
  public int number() {
    return number;
  }

  public boolean retryableByDefault() {
    return retryableByDefault;
  }

  public static ErrorCode fromNumber(int number) {
    return Arrays.stream(values()).filter(c -> c.number == number).findFirst().orElse(INTERNAL);
  }
}
