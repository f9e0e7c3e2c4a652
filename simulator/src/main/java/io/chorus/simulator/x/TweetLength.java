package io.chorus.simulator.x;

import java.text.Normalizer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * X's weighted length (twitter-text v3): URLs count 23, an emoji (however many code points: skin
 * tones, flags, keycaps, ZWJ sequences) counts 2, Latin and common punctuation 1 per code point,
 * everything else (CJK, most other scripts) 2.
 */
final class TweetLength {

  static final int MAX_WEIGHTED_LENGTH = 280;
  private static final int URL_WEIGHT = 23;
  private static final int EMOJI_WEIGHT = 2;
  private static final Pattern URL = Pattern.compile("https?://\\S+", Pattern.CASE_INSENSITIVE);
  private static final Pattern GRAPHEME = Pattern.compile("\\X");

  private TweetLength() {
  }

  static int weighted(String text) {
    String normalized = Normalizer.normalize(text, Normalizer.Form.NFC);
    Matcher urls = URL.matcher(normalized);
    int length = 0;
    int from = 0;
    while (urls.find()) {
      length += graphemes(normalized.substring(from, urls.start())) + URL_WEIGHT;
      from = urls.end();
    }
    return length + graphemes(normalized.substring(from));
  }

  private static int graphemes(String text) {
    Matcher grapheme = GRAPHEME.matcher(text);
    int length = 0;
    while (grapheme.find()) {
      String cluster = grapheme.group();
      length += emoji(cluster) ? EMOJI_WEIGHT : cluster.codePoints().map(TweetLength::weight).sum();
    }
    return length;
  }

  /** Pictographs, dingbats, symbols and flags, or anything asking for emoji presentation or a keycap. */
  private static boolean emoji(String cluster) {
    int first = cluster.codePointAt(0);
    return cluster.indexOf(0xFE0F) >= 0 || cluster.indexOf(0x20E3) >= 0
        || (first >= 0x1F000 && first <= 0x1FAFF) || (first >= 0x2300 && first <= 0x27BF)
        || (first >= 0x2B00 && first <= 0x2BFF);
  }

  /** The ranges twitter-text's default configuration weighs as one; the rest weigh two. */
  private static int weight(int codePoint) {
    boolean light = codePoint <= 4351
        || (codePoint >= 8192 && codePoint <= 8205)
        || (codePoint >= 8208 && codePoint <= 8223)
        || (codePoint >= 8242 && codePoint <= 8247);
    return light ? 1 : 2;
  }
}
