package io.chorus.simulator.support;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;

/**
 * One page of a newest-first list of posts, with opaque offset cursors shaped like the platforms'
 * pagination tokens.
 *
 * @param next the cursor of the following page, or null on the last page
 */
public record Page<T>(List<T> items, int offset, String next) {

  /** The page of {@code items} (newest first) created at or after {@code since}, starting at the cursor. */
  public static <T> Page<T> of(List<T> items, Function<T, Instant> createdAt, Instant since, String cursor, int limit) {
    List<T> recent = since == null ? items : items.stream().filter(item -> !createdAt.apply(item).isBefore(since)).toList();
    int offset = Math.min(decode(cursor), recent.size());
    int end = Math.min(offset + limit, recent.size());
    return new Page<>(recent.subList(offset, end), offset, end < recent.size() ? encode(end) : null);
  }

  public static String encode(int offset) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(("offset:" + offset).getBytes(StandardCharsets.UTF_8));
  }

  /** The offset a cursor stands for; 0 for none, and for one this simulator did not make. */
  static int decode(String cursor) {
    if (cursor == null || cursor.isBlank()) {
      return 0;
    }
    try {
      String plain = new String(Base64.getUrlDecoder().decode(cursor.trim()), StandardCharsets.UTF_8);
      return plain.startsWith("offset:") ? Math.max(0, Integer.parseInt(plain.substring(7))) : 0;
    } catch (IllegalArgumentException unreadable) {
      return 0;
    }
  }
}
