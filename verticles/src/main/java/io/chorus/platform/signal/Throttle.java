package io.chorus.platform.signal;

/**
 * A platform's statement that a quota is spent: whose, and for how long.
 *
 * @param scope whether the account's own quota or the whole app's is spent
 * @param waitMs how long until the platform accepts calls again, or 0 when it did not say
 */
public record Throttle(Scope scope, long waitMs) {

  /** Whose quota a throttle concerns. */
  public enum Scope { ACCOUNT, APP }

  /** The same throttle with the wait it stated, or {@code fallbackMs} when it stated none. */
  public Throttle orWait(long fallbackMs) {
    return waitMs > 0 ? this : new Throttle(scope, fallbackMs);
  }
}
