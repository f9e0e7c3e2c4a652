package io.chorus.platform;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finding, comparing and trimming the hashtags of a text. */
final class Hashtags {
  static final Pattern HASHTAG = Pattern.compile("(?<![\\p{L}\\p{M}\\p{N}_#&])#[\\p{L}\\p{M}\\p{N}_]+");
  private static final Pattern TRAILING_TAG = Pattern.compile("\\s*#[\\p{L}\\p{M}\\p{N}_]+$");

  private Hashtags() {}

  /** The hashtags in the text, in order. */
  static List<String> find(String text) {
    List<String> found = new ArrayList<>();
    Matcher m = HASHTAG.matcher(text);
    while (m.find()) {
      found.add(m.group());
    }
    return found;
  }

  /** The campaign hashtags, each starting with '#', without blanks or case-insensitive repeats. */
  static List<String> normalize(List<String> hashtags) {
    Map<String, String> byKey = new LinkedHashMap<>();
    for (String raw : hashtags == null ? List.<String>of() : hashtags) {
      String tag = raw == null ? "" : raw.strip().replaceAll("\\s+", "");
      String withHash = tag.startsWith("#") ? tag : "#" + tag;
      if (HASHTAG.matcher(withHash).matches()) {
        byKey.putIfAbsent(key(withHash), withHash);
      }
    }
    return List.copyOf(byKey.values());
  }

  static String key(String tag) {
    return tag.toLowerCase(Locale.ROOT);
  }

  /**
   * The text's trailing run of hashtags as pieces, each with the whitespace before it, so that
   * the text is {@code core + join(pieces)}; empty when the text does not end with a hashtag.
   */
  static List<String> trailingPieces(String text) {
    List<String> pieces = new ArrayList<>();
    String rest = text;
    Matcher m = TRAILING_TAG.matcher(rest);
    while (m.find() && startsAtBoundary(rest, m.start())) {
      pieces.add(0, rest.substring(m.start()));
      rest = rest.substring(0, m.start());
      m = TRAILING_TAG.matcher(rest);
    }
    return pieces;
  }

  private static boolean startsAtBoundary(String text, int start) {
    return start == 0 || Character.isWhitespace(text.charAt(start));
  }

  /** The text with the '#' taken off every hashtag after the first {@code max}, so none is lost as a word. */
  static String keepAtMost(String text, int max) {
    StringBuilder out = new StringBuilder(text);
    List<Integer> starts = new ArrayList<>();
    Matcher m = HASHTAG.matcher(text);
    while (m.find()) {
      starts.add(m.start());
    }
    for (int i = starts.size() - 1; i >= max; i--) {
      out.deleteCharAt(starts.get(i));
    }
    return out.toString();
  }
}
