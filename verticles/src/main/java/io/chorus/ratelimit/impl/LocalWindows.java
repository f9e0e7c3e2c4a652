package io.chorus.ratelimit.impl;

import io.chorus.ratelimit.Limit;
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

  /** Takes a unit of this node's share from every limit, or from none when one has no room. */
  RateDecision acquire(List<Limit> limits, long nowNanos) {
    long waitMs = 0;
    int remaining = Integer.MAX_VALUE;
    long at = nowNanos;
    for (Limit limit : limits.stream().filter(Limit::counted).toList()) {
      int share = share(limit);
      ArrayDeque<Long> window = windows.computeIfAbsent(limit.key(), k -> new ArrayDeque<>());
      expire(window, nowNanos - limit.quota().period().toNanos());
      if (window.size() >= share) {
        long freeing = nth(window, window.size() - share);
        waitMs = Math.max(waitMs, ceilMillis(freeing + limit.quota().period().toNanos() - nowNanos));
      } else {
        remaining = Math.min(remaining, share - window.size() - 1);
      }
      // Strictly increasing times, because a time also names the allowance when it is shared with Redis.
      if (!window.isEmpty()) {
        at = Math.max(at, window.peekLast() + 1);
      }
    }
    if (waitMs > 0) {
      return new RateDecision(false, 0, waitMs, true);
    }
    for (Limit limit : limits) {
      if (limit.counted()) {
        windows.get(limit.key()).addLast(at);
      }
    }
    return new RateDecision(true, remaining, 0, true);
  }

  /** The times of this node's allowances for the limit that are still inside its quota's period. */
  List<Long> unshared(Limit limit, long nowNanos) {
    ArrayDeque<Long> window = limit.counted() ? windows.get(limit.key()) : null;
    if (window == null) {
      return List.of();
    }
    expire(window, nowNanos - limit.quota().period().toNanos());
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

  /** At least one request per period, so an account is never shut out entirely. */
  private int share(Limit limit) {
    return Math.max(1, (int) Math.floor(limit.quota().requests() * fraction));
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
