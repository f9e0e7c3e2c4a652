package io.chorus.content.provider;

/**
 * Why a provider call failed, in the terms the resilience layer acts on: whether to try another
 * key, wait, retry, or give up on this provider.
 */
public final class ProviderException extends RuntimeException {

  /** What kind of failure it is. */
  public enum Kind {
    /** 401/403: this key is refused; set it aside. */
    UNAUTHORIZED,
    /** 429: this key must rest until the reset the provider named. */
    RATE_LIMITED,
    /** 5xx, 529, timeouts, broken connections, malformed answers: the provider may recover. */
    OUTAGE,
    /** 4xx other than the above, or a spent quota: retrying the same request will not help. */
    REJECTED
  }

  private final Kind kind;
  private final int status;
  private final long retryAfterMs;

  public ProviderException(Kind kind, int status, long retryAfterMs, String message) {
    super(message, null, false, false);
    this.kind = kind;
    this.status = status;
    this.retryAfterMs = retryAfterMs;
  }

  public static ProviderException outage(String message) {
    return new ProviderException(Kind.OUTAGE, 0, 0, message);
  }

  public Kind kind() {
    return kind;
  }

  /** The HTTP status, or 0 when no response came. */
  public int status() {
    return status;
  }

  /** How long the provider asked us to wait, or 0 when it did not say. */
  public long retryAfterMs() {
    return retryAfterMs;
  }
}
