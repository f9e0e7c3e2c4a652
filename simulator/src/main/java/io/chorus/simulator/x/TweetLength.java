package io.chorus.simulator.x;

import java.text.Normalizer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** X's weighted length: URLs count 23, Latin and common punctuation 1, everything else (CJK, emoji) 2. */
final class TweetLength {

  static final int MAX_WEIGHTED_LENGTH = 280;
  private static final int URL_WEIGHT = 23;
  private static final Pattern URL = Pattern.compile("https?://\\S+", Pattern.CASE_INSENSITIVE);

  private TweetLength() {
  }

  static int weighted(String text) {
    String normalized = Normalizer.normalize(text, Normalizer.Form.NFC);
    Matcher urls = URL.matcher(normalized);
    int length = 0;
    int from = 0;
    while (urls.find()) {
      length += codePoints(normalized.substring(from, urls.start())) + URL_WEIGHT;
      from = urls.end();
    }
    return length + codePoints(normalized.substring(from));
  }

  private static int codePoints(String text) {
    return text.codePoints().map(TweetLength::weight).sum();
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
