package io.chorus.platform.x;

import java.text.Normalizer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A text's length as X counts it (twitter-text v3 configuration): after NFC normalisation, every
 * URL counts 23; an emoji counts 2 however many code points it is made of (skin tones, flags,
 * keycaps, ZWJ sequences such as a family); other code points count 1 in the Latin, general
 * punctuation and similar ranges and 2 elsewhere (CJK, most other scripts).
 */
public final class XWeightedLength {
  /** What every URL weighs, however long it is (the length of a t.co link). */
  public static final int URL_WEIGHT = 23;
  /** What one emoji weighs, sequence or not. */
  public static final int EMOJI_WEIGHT = 2;
  // Trailing punctuation is left out of the link, as X's autolinker does.
  private static final Pattern URL = Pattern.compile("https?://[^\\s]*[^\\s.,;:!?)\\]}'\"…]", Pattern.CASE_INSENSITIVE);
  private static final Pattern GRAPHEME = Pattern.compile("\\X");
  private static final int[][] LIGHT_RANGES = {
      {0x0000, 0x10FF}, {0x2000, 0x200D}, {0x2010, 0x201F}, {0x2032, 0x2037}
  };
  /** Where emoji live: pictographs, dingbats and symbols, regional indicators (flags). */
  private static final int[][] EMOJI_RANGES = {
      {0x1F000, 0x1FAFF}, {0x2600, 0x27BF}, {0x2300, 0x23FF}, {0x2B00, 0x2BFF}, {0x1F1E6, 0x1F1FF}
  };
  private static final int EMOJI_PRESENTATION = 0xFE0F;
  private static final int KEYCAP = 0x20E3;

  private XWeightedLength() {}

  public static int of(String text) {
    String normalized = Normalizer.normalize(text, Normalizer.Form.NFC);
    Matcher url = URL.matcher(normalized);
    int weight = 0;
    int from = 0;
    while (url.find()) {
      weight += weigh(normalized.substring(from, url.start())) + URL_WEIGHT;
      from = url.end();
    }
    return weight + weigh(normalized.substring(from));
  }

  private static int weigh(String text) {
    int weight = 0;
    Matcher grapheme = GRAPHEME.matcher(text);
    while (grapheme.find()) {
      String cluster = grapheme.group();
      weight += isEmoji(cluster) ? EMOJI_WEIGHT : cluster.codePoints().map(XWeightedLength::weight).sum();
    }
    return weight;
  }

  private static boolean isEmoji(String cluster) {
    int first = cluster.codePointAt(0);
    if (cluster.indexOf(EMOJI_PRESENTATION) >= 0 || cluster.indexOf(KEYCAP) >= 0) {
      return true;
    }
    for (int[] range : EMOJI_RANGES) {
      if (first >= range[0] && first <= range[1]) {
        return true;
      }
    }
    return false;
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
