package io.chorus.simulator.support;

import java.util.HashMap;
import java.util.Map;

/**
 * Counts calls per key in fixed windows; a window starts at a key's first call, or at multiples
 * of the period since the epoch when aligned (LinkedIn's quotas reset at midnight UTC).
 */
public final class RateWindow {

  /** The state of one key's window after a call: what rate-limit headers report. */
  public record Usage(int limit, int used, long resetAtMillis, boolean allowed) {

    public int remaining() {
      return Math.max(0, limit - used);
    }

    public long resetAtSeconds() {
      return (resetAtMillis + 999) / 1000;
    }
  }

  private static final class Window {
    long start;
    int used;
  }

  private final int limit;
  private final long periodMillis;
  private final boolean aligned;
  private final Map<String, Window> windows = new HashMap<>();

  public RateWindow(int limit, long periodMillis, boolean aligned) {
    this.limit = limit;
    this.periodMillis = periodMillis;
    this.aligned = aligned;
  }

  /** Counts one call if the window has room; a refused call is not counted. */
  public Usage consume(String key) {
    Window window = current(key);
    boolean allowed = window.used < limit;
    if (allowed) {
      window.used++;
    }
    return new Usage(limit, window.used, window.start + periodMillis, allowed);
  }

  /** Reports whether one more call would fit, without counting it. */
  public Usage peek(String key) {
    Window window = current(key);
    return new Usage(limit, window.used, window.start + periodMillis, window.used < limit);
  }

  public void clear() {
    windows.clear();
  }

  private Window current(String key) {
    long now = System.currentTimeMillis();
    Window window = windows.computeIfAbsent(key, k -> new Window());
    if (window.used == 0 || now >= window.start + periodMillis) {
      window.start = aligned ? now - now % periodMillis : now;
      window.used = 0;
    }
    return window;
  }
}
