package io.chorus.platform.x;

import io.chorus.contracts.platform.OptimizeRequest;
import io.chorus.contracts.platform.OptimizedContent;
import io.chorus.contracts.platform.PostType;
import io.chorus.platform.FitRules;
import io.chorus.platform.TextFitter;
import java.util.List;

/**
 * Fits posts to X: 280 weighted characters, and no campaign hashtag added past the second
 * hashtag. A thread is not cut to one post: it may run to {@link #MAX_THREAD_POSTS} posts, its
 * length counted in posts.
 */
public final class XTextFitter implements TextFitter {
  public static final int LIMIT = 280;
  /** X's own guidance: more than two hashtags lowers engagement. */
  public static final int MAX_HASHTAGS = 2;
  /** The most posts X's composer puts in one thread; a longer text is cut to fit them. */
  public static final int MAX_THREAD_POSTS = 25;

  private static final ThreadSplitter SPLITTER = new ThreadSplitter(LIMIT);
  private final TextFitter fitter =
      TextFitter.create(new FitRules(LIMIT, MAX_HASHTAGS, false, XWeightedLength::of));
  private final TextFitter threadFitter = TextFitter.create(
      new FitRules(MAX_THREAD_POSTS, MAX_HASHTAGS, false, text -> SPLITTER.split(text).size()));

  @Override
  public OptimizedContent fit(String text, List<String> hashtags, String disclosure) {
    return fitter.fit(text, hashtags, disclosure);
  }

  @Override
  public OptimizedContent fit(OptimizeRequest request) {
    TextFitter chosen = request.postType() == PostType.THREAD ? threadFitter : fitter;
    return chosen.fit(request.text(), request.hashtags(), request.disclosure());
  }

  /** The posts a thread of this (fitted) text is made of. */
  public static List<String> thread(String text) {
    return SPLITTER.split(text);
  }
}
