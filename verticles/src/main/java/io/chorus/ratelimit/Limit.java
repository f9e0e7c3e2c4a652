package io.chorus.ratelimit;

import java.util.Objects;

/**
 * One window a decision must find room in: a quota kept under a key (an account's, or an app's
 * shared by all its accounts).
 */
public record Limit(String key, Quota quota) {

  public Limit {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(quota, "quota");
  }
}
