package io.chorus.simulator.instagram;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Instagram's caption limits: 2,200 characters, 30 hashtags, 20 mentions. */
final class CaptionRules {

  private static final int MAX_LENGTH = 2200;
  private static final int MAX_HASHTAGS = 30;
  private static final int MAX_MENTIONS = 20;
  private static final Pattern HASHTAG = Pattern.compile("#[\\p{L}\\p{N}_]+");
  private static final Pattern MENTION = Pattern.compile("@[\\p{L}\\p{N}._]+");

  private CaptionRules() {
  }

  /** What is wrong with the caption, or null when it may be posted. */
  static String violation(String caption) {
    if (caption.codePointCount(0, caption.length()) > MAX_LENGTH) {
      return "The caption is longer than " + MAX_LENGTH + " characters";
    }
    if (count(HASHTAG, caption) > MAX_HASHTAGS) {
      return "The caption has more than " + MAX_HASHTAGS + " hashtags";
    }
    if (count(MENTION, caption) > MAX_MENTIONS) {
      return "The caption has more than " + MAX_MENTIONS + " mentions";
    }
    return null;
  }

  private static int count(Pattern pattern, String text) {
    Matcher matcher = pattern.matcher(text);
    int count = 0;
    while (matcher.find()) {
      count++;
    }
    return count;
  }
}
