package io.chorus.platform.linkedin;

import io.chorus.contracts.platform.OptimizedContent;
import io.chorus.platform.FitRules;
import io.chorus.platform.TextFitter;
import java.util.List;

/**
 * Fits LinkedIn commentary: 3,000 characters counted after "little" format escaping, so the text
 * still fits once its reserved characters are backslash-escaped on the wire.
 */
public final class LinkedInTextFitter implements TextFitter {
  public static final int LIMIT = 3_000;

  private final TextFitter fitter = TextFitter.create(
      new FitRules(LIMIT, Integer.MAX_VALUE, false, text -> LittleText.escape(text).length()));

  @Override
  public OptimizedContent fit(String text, List<String> hashtags, String disclosure) {
    return fitter.fit(text, hashtags, disclosure);
  }
}
