package io.chorus.simulator.support;

import java.util.concurrent.ThreadLocalRandom;

/** Makes numeric string ids shaped like the platforms' snowflakes: time in the high bits, a sequence below. */
public final class Ids {

  /** X's snowflake epoch, so ids look like real post ids (19 digits). */
  private static final long EPOCH_MILLIS = 1288834974657L;
  private static final int SEQUENCE_BITS = 22;

  private long lastMillis;
  private long sequence;

  public String next() {
    long now = System.currentTimeMillis();
    if (now == lastMillis) {
      sequence++;
    } else {
      lastMillis = now;
      sequence = 0;
    }
    return Long.toString(((now - EPOCH_MILLIS) << SEQUENCE_BITS) | (sequence & ((1L << SEQUENCE_BITS) - 1)));
  }

  /** A short random token of letters and digits, like Meta's fbtrace_id or TikTok's log_id. */
  public static String trace(int length) {
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    StringBuilder out = new StringBuilder(length);
    ThreadLocalRandom random = ThreadLocalRandom.current();
    for (int i = 0; i < length; i++) {
      out.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return out.toString();
  }
}
