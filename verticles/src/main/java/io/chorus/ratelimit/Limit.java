package io.chorus.ratelimit;

import java.util.Objects;

/**
 * One window a decision must find room in: a quota kept under a key (an account's, or an app's
 * shared by all its accounts), or, without a quota, only the key's pause.
 *
 * @param quota the window's quota, or null when only a pause of the key is looked at
 */
public record Limit(String key, Quota quota) {

  public Limit {
    Objects.requireNonNull(key, "key");
  }

  /** A key that has no quota of its own but may be paused by a platform (an app without a configured quota). */
  public static Limit pauseOnly(String key) {
    return new Limit(key, null);
  }

  public boolean counted() {
    return quota != null;
  }
}
