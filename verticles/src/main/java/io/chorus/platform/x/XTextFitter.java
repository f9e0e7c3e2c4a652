package io.chorus.platform.x;

import io.chorus.contracts.platform.OptimizedContent;
import io.chorus.platform.FitRules;
import io.chorus.platform.TextFitter;
import java.util.List;

/** Fits posts to X: 280 weighted characters, and no campaign hashtag added past the second hashtag. */
public final class XTextFitter implements TextFitter {
  public static final int LIMIT = 280;
  /** X's own guidance: more than two hashtags lowers engagement. */
  public static final int MAX_HASHTAGS = 2;

  private final TextFitter fitter =
      TextFitter.create(new FitRules(LIMIT, MAX_HASHTAGS, false, XWeightedLength::of));

  @Override
  public OptimizedContent fit(String text, List<String> hashtags) {
    return fitter.fit(text, hashtags);
  }
}
