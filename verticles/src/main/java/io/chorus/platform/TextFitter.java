package io.chorus.platform;

import io.chorus.contracts.platform.OptimizeRequest;
import io.chorus.contracts.platform.OptimizedContent;
import java.util.List;

/** Fits a post's text to one platform's length and hashtag rules. */
public interface TextFitter {

  /**
   * The text with the campaign hashtags it lacks appended (as many as the platform allows),
   * shortened to the platform's limit as the platform counts it, keeping the disclosure.
   *
   * @param disclosure text the post must keep if it has it (such as "#ad"), or null
   * @throws io.chorus.contracts.ChorusException INVALID_REQUEST when the text cannot fit without
   *     losing the disclosure
   */
  OptimizedContent fit(String text, List<String> hashtags, String disclosure);

  /** {@link #fit(String, List, String)} for a brand that requires no disclosure. */
  default OptimizedContent fit(String text, List<String> hashtags) {
    return fit(text, hashtags, null);
  }

  /** Fits the request's text for its post type; platforms whose types count text differently override it. */
  default OptimizedContent fit(OptimizeRequest request) {
    return fit(request.text(), request.hashtags(), request.disclosure());
  }

  /** A fitter that applies these rules. */
  static TextFitter create(FitRules rules) {
    return new BoundedTextFitter(rules);
  }
}
