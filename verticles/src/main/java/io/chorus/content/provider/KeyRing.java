package io.chorus.content.provider;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A provider's API keys, used in turn. A key the provider refused (401) is set aside for good; a
 * key that was rate-limited (429) rests until its reset. Touched only from the verticle's event loop.
 */
public final class KeyRing {
  private final List<String> keys;
  private final Set<String> setAside = new HashSet<>();
  private final Map<String, Long> restingUntil = new HashMap<>();
  private int next;

  public KeyRing(List<String> keys) {
    this.keys = new ArrayList<>(keys);
  }

  /** The next usable key at this time (epoch ms), or null when every key is set aside or resting. */
  public String next(long nowMs) {
    for (int tried = 0; tried < keys.size(); tried++) {
      String key = keys.get(next);
      next = (next + 1) % keys.size();
      if (!setAside.contains(key) && restingUntil.getOrDefault(key, 0L) <= nowMs) {
        return key;
      }
    }
    return null;
  }

  /** Takes the key out of use for good; true the first time, so it is reported once. */
  public boolean setAside(String key) {
    return setAside.add(key);
  }

  public void rest(String key, long untilMs) {
    restingUntil.merge(key, untilMs, Math::max);
  }

  /** When the first resting key may be used again, or -1 when no key will ever be usable. */
  public long nextUsableAt() {
    long earliest = -1;
    for (String key : keys) {
      if (!setAside.contains(key)) {
        long at = restingUntil.getOrDefault(key, 0L);
        earliest = earliest < 0 ? at : Math.min(earliest, at);
      }
    }
    return earliest;
  }

  /** How many keys are still in use (resting ones included). */
  public int usable() {
    return keys.size() - setAside.size();
  }

  /** A key as it may appear in logs: its last four characters only. */
  public static String redacted(String key) {
    return key == null ? "none" : "…" + key.substring(Math.max(0, key.length() - 4));
  }
}
