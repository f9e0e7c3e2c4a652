package io.chorus.platform.signal;

/**
 * A platform's statement that a quota is spent: whose, and for how long.
 *
 * @param scope whether the account's own quota or the whole app's is spent
 * @param waitMs how long until the platform accepts calls again (0 when the reset it stated has
 *     passed already), or {@link #UNSTATED} when it did not say
 */
public record Throttle(Scope scope, long waitMs) {

  /** The wait of a throttle whose platform did not say when calls are accepted again. */
  public static final long UNSTATED = -1;

  /** Whose quota a throttle concerns. */
  public enum Scope { ACCOUNT, APP }

  /** Whether the platform said when calls are accepted again. */
  public boolean stated() {
    return waitMs >= 0;
  }

  /** The same throttle with the wait it stated, or {@code fallbackMs} when it stated none. */
  public Throttle orWait(long fallbackMs) {
    return stated() ? this : new Throttle(scope, fallbackMs);
  }
}
