package io.chorus.content.offline;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Small string helpers that turn campaign fragments into clean sentences and hashtags. */
final class Text {
  private static final Pattern CLAUSE_END = Pattern.compile("[,;:]\\s|\\s[-\u2013\u2014]\\s");
  private static final int SHORT_FORM_MAX = 100;
  private static final Pattern SENTENCE_START = Pattern.compile("([.!?]\\s+)(\\p{Ll})");

  private Text() {}

  /** The leading clause of a phrase, cut at a word boundary when still long, for the short platforms. */
  static String shortForm(String phrase) {
    String clause = CLAUSE_END.split(phrase, 2)[0].strip();
    if (clause.length() <= SHORT_FORM_MAX) {
      return clause;
    }
    int cut = clause.lastIndexOf(' ', SHORT_FORM_MAX);
    return clause.substring(0, cut > 0 ? cut : SHORT_FORM_MAX);
  }

  /** A fragment without trailing punctuation or spaces, ready to be placed inside a frame. */
  static String bare(String fragment) {
    return fragment.strip().replaceAll("[\\s.,;:!?]+$", "");
  }

  /** The text with its first letter and every letter after a sentence's end capitalized. */
  static String capitalizeSentences(String text) {
    return capitalize(SENTENCE_START.matcher(text).replaceAll(m -> m.group(1) + m.group(2).toUpperCase(Locale.ROOT)));
  }

  static String capitalize(String text) {
    return text.isEmpty() ? text : text.substring(0, 1).toUpperCase(Locale.ROOT) + text.substring(1);
  }

  /**
   * A fragment as a whole sentence: capitalized and ended with a full stop, unless it already ends
   * with punctuation or with a link, which a full stop would break.
   */
  static String sentence(String fragment) {
    return sentence(fragment, ".");
  }

  /** As {@link #sentence(String)}, ending with the given mark instead of a full stop. */
  static String sentence(String fragment, String end) {
    String text = capitalize(fragment.strip());
    String lastWord = text.substring(text.lastIndexOf(' ') + 1);
    boolean link = lastWord.contains("/") || lastWord.startsWith("www.");
    return text.matches(".*[.!?]$") || link ? text : text + end;
  }

  /** The hashtag form of a tag as written in config: with its '#', without spaces. */
  static String hashtag(String tag) {
    String compact = tag.strip().replaceAll("\\s+", "");
    return compact.startsWith("#") ? compact : "#" + compact;
  }

  /** A trend as a camel-cased hashtag, e.g. "first frost" becomes "#FirstFrost"; empty when nothing is left. */
  static String trendTag(String trend) {
    String joined = Arrays.stream(trend.split("[^\\p{L}\\p{N}]+"))
        .filter(w -> !w.isEmpty())
        .map(Text::capitalize)
        .reduce("", String::concat);
    return joined.isEmpty() ? "" : "#" + joined;
  }

  /** The parts joined by spaces: the first two always, each later one only if the whole stays within the limit. */
  static String joinWithin(int limit, List<String> parts) {
    List<String> kept = new ArrayList<>(parts.subList(0, Math.min(2, parts.size())));
    int length = String.join(" ", kept).length();
    for (String part : parts.subList(kept.size(), parts.size())) {
      if (length + 1 + part.length() <= limit) {
        kept.add(part);
        length += 1 + part.length();
      }
    }
    return String.join(" ", kept);
  }
}
