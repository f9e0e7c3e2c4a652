package io.chorus.platform.facebook;

import io.chorus.contracts.platform.OptimizedContent;
import io.chorus.platform.FitRules;
import io.chorus.platform.TextFitter;
import java.util.List;

/** Fits posts to a Facebook Page feed: a message of at most 63,206 characters. */
public final class FacebookTextFitter implements TextFitter {
  public static final int LIMIT = 63_206;

  private final TextFitter fitter = TextFitter.create(FitRules.utf16(LIMIT));

  @Override
  public OptimizedContent fit(String text, List<String> hashtags, String disclosure) {
    return fitter.fit(text, hashtags, disclosure);
  }
}
