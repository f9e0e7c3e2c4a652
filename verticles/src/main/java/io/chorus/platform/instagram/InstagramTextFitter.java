package io.chorus.platform.instagram;

import io.chorus.contracts.platform.OptimizedContent;
import io.chorus.platform.FitRules;
import io.chorus.platform.TextFitter;
import java.util.List;

/** Fits Instagram captions: at most 2,200 characters and 30 hashtags, or the container is refused. */
public final class InstagramTextFitter implements TextFitter {
  public static final int LIMIT = 2_200;
  public static final int MAX_HASHTAGS = 30;

  private final TextFitter fitter =
      TextFitter.create(new FitRules(LIMIT, MAX_HASHTAGS, true, String::length));

  @Override
  public OptimizedContent fit(String text, List<String> hashtags, String disclosure) {
    return fitter.fit(text, hashtags, disclosure);
  }
}
