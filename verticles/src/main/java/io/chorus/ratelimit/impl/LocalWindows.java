package io.chorus.ratelimit.impl;

import io.chorus.ratelimit.Quota;
import io.chorus.ratelimit.RateDecision;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * This node's own sliding-window limiter, in charge while Redis is unreachable; it allows only a
 * fraction of each quota. Not thread-safe: it is confined to the limiter's context.
 */
final class LocalWindows {

  private final double fraction;
  /** Per key, the times (System.nanoTime) of the requests allowed within the last period, oldest first. */
  private final Map<String, ArrayDeque<Long>> windows = new HashMap<>();

  LocalWindows(double fraction) {
    this.fraction = fraction;
  }

  RateDecision acquire(String key, Quota quota, long nowNanos) {
    int share = Math.max(1, (int) Math.floor(quota.requests() * fraction));
    long periodNanos = quota.period().toNanos();
    ArrayDeque<Long> window = windows.computeIfAbsent(key, k -> new ArrayDeque<>());
    expire(window, nowNanos - periodNanos);
    if (window.size() >= share) {
      long freeing = nth(window, window.size() - share);
      return new RateDecision(false, 0, ceilMillis(freeing + periodNanos - nowNanos), true);
    }
    // Strictly increasing times, because a time also names the allowance when it is shared with Redis.
    window.addLast(window.isEmpty() ? nowNanos : Math.max(nowNanos, window.peekLast() + 1));
    return new RateDecision(true, share - window.size(), 0, true);
  }

  /** The times of this node's allowances for key that are still inside the quota's period. */
  List<Long> unshared(String key, Quota quota, long nowNanos) {
    ArrayDeque<Long> window = windows.get(key);
    if (window == null) {
      return List.of();
    }
    expire(window, nowNanos - quota.period().toNanos());
    return List.copyOf(window);
  }

  /** Drops the allowances up to {@code newestNanos}: Redis has counted them. */
  void shared(String key, long newestNanos) {
    ArrayDeque<Long> window = windows.get(key);
    if (window == null) {
      return;
    }
    expire(window, newestNanos);
    if (window.isEmpty()) {
      windows.remove(key);
    }
  }

  private static void expire(ArrayDeque<Long> window, long cutoffNanos) {
    while (!window.isEmpty() && window.peekFirst() <= cutoffNanos) {
      window.removeFirst();
    }
  }

  private static long nth(ArrayDeque<Long> window, int index) {
    Iterator<Long> times = window.iterator();
    for (int i = 0; i < index; i++) {
      times.next();
    }
    return times.next();
  }

  private static long ceilMillis(long nanos) {
    return Math.max(1, (nanos + 999_999) / 1_000_000);
  }
}
