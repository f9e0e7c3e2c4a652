package io.chorus.platform;

import io.chorus.contracts.platform.OptimizedContent;
import java.util.List;

/** Fits a post's text to one platform's length and hashtag rules. */
public interface TextFitter {

  /**
   * The text with the campaign hashtags it lacks appended (as many as the platform allows),
   * shortened to the platform's limit as the platform counts it.
   */
  OptimizedContent fit(String text, List<String> hashtags);

  /** A fitter that applies these rules. */
  static TextFitter create(FitRules rules) {
    return new BoundedTextFitter(rules);
  }
}
