package io.chorus.platform.x;

import java.text.Normalizer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A text's length as X counts it (twitter-text v3 weighting): after NFC normalisation, every URL
 * counts 23, code points in the Latin and general-punctuation ranges count 1, all others 2.
 * Emoji sequences are weighed code point by code point, which can only over-count, never under.
 */
public final class XWeightedLength {
  /** What every URL weighs, however long it is (the length of a t.co link). */
  public static final int URL_WEIGHT = 23;
  // Trailing punctuation is left out of the link, as X's autolinker does.
  private static final Pattern URL = Pattern.compile("https?://[^\\s]*[^\\s.,;:!?)\\]}'\"…]", Pattern.CASE_INSENSITIVE);
  private static final int[][] LIGHT_RANGES = {
      {0x0000, 0x10FF}, {0x2000, 0x200D}, {0x2010, 0x201F}, {0x2032, 0x2037}
  };

  private XWeightedLength() {}

  public static int of(String text) {
    String normalized = Normalizer.normalize(text, Normalizer.Form.NFC);
    Matcher url = URL.matcher(normalized);
    int weight = 0;
    int from = 0;
    while (url.find()) {
      weight += weigh(normalized, from, url.start()) + URL_WEIGHT;
      from = url.end();
    }
    return weight + weigh(normalized, from, normalized.length());
  }

  private static int weigh(String text, int from, int to) {
    return text.substring(from, to).codePoints().map(XWeightedLength::weight).sum();
  }

  private static int weight(int codePoint) {
    for (int[] range : LIGHT_RANGES) {
      if (codePoint >= range[0] && codePoint <= range[1]) {
        return 1;
      }
    }
    return 2;
  }
}
