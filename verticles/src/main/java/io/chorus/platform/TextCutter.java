package io.chorus.platform;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cuts text that is too long at the last sentence or word boundary that fits with an ellipsis
 * after it, so no word, URL, hashtag, surrogate pair or grapheme is ever split.
 */
final class TextCutter {
  static final String ELLIPSIS = "…";
  /** A sentence boundary is kept over a later word boundary if it keeps at least this share of the text. */
  private static final double SENTENCE_PREFERENCE = 0.6;
  private static final Pattern GRAPHEME = Pattern.compile("\\X");
  /** CJK full stops end a sentence without a space after them, so they are cut points on their own. */
  private static final String CJK_SENTENCE_ENDS = "。！？";
  private static final String SENTENCE_ENDS = ".!?" + CJK_SENTENCE_ENDS;
  private static final String DROPPED_BEFORE_ELLIPSIS = ".,;:-–—";

  private final FitRules rules;

  TextCutter(FitRules rules) {
    this.rules = rules;
  }

  /** The longest prefix of the text, ended at a boundary, followed by an ellipsis, that fits the limit. */
  String cut(String text) {
    List<Integer> words = new ArrayList<>();
    List<Integer> sentences = new ArrayList<>();
    for (int i = 1; i < text.length(); i++) {
      boolean sentenceEnd = SENTENCE_ENDS.indexOf(text.charAt(i - 1)) >= 0 || text.charAt(i) == '\n';
      boolean wordEnd = Character.isWhitespace(text.charAt(i)) && !Character.isWhitespace(text.charAt(i - 1));
      boolean cjkSentenceEnd = CJK_SENTENCE_ENDS.indexOf(text.charAt(i - 1)) >= 0;
      if (wordEnd || cjkSentenceEnd) {
        words.add(i);
        if (sentenceEnd) {
          sentences.add(i);
        }
      }
    }
    int word = longestFitting(text, words);
    if (word > 0) {
      int sentence = longestFitting(text, sentences);
      int end = sentence >= SENTENCE_PREFERENCE * word ? sentence : word;
      return withEllipsis(text, end);
    }
    int grapheme = longestFitting(text, graphemeEnds(text));
    return grapheme > 0 || fits(ELLIPSIS) ? withEllipsis(text, grapheme) : "";
  }

  /** The largest cut position whose text fits, or 0; the positions are ascending and fitting is monotone. */
  private int longestFitting(String text, List<Integer> ends) {
    int low = 0;
    int high = ends.size() - 1;
    int best = 0;
    while (low <= high) {
      int mid = (low + high) >>> 1;
      if (fits(withEllipsis(text, ends.get(mid)))) {
        best = ends.get(mid);
        low = mid + 1;
      } else {
        high = mid - 1;
      }
    }
    return best;
  }

  private static List<Integer> graphemeEnds(String text) {
    List<Integer> ends = new ArrayList<>();
    Matcher m = GRAPHEME.matcher(text);
    while (m.find()) {
      ends.add(m.end());
    }
    return ends;
  }

  private static String withEllipsis(String text, int end) {
    int stop = end;
    while (stop > 0 && (Character.isWhitespace(text.charAt(stop - 1))
        || DROPPED_BEFORE_ELLIPSIS.indexOf(text.charAt(stop - 1)) >= 0)) {
      stop--;
    }
    return text.substring(0, stop) + ELLIPSIS;
  }

  private boolean fits(String candidate) {
    return rules.measure().applyAsInt(candidate) <= rules.limit();
  }
}
