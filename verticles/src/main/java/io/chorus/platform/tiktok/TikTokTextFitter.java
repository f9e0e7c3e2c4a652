package io.chorus.platform.tiktok;

import io.chorus.contracts.platform.OptimizedContent;
import io.chorus.platform.FitRules;
import io.chorus.platform.TextFitter;
import java.util.List;

/**
 * Fits the description of a TikTok photo post (4,000 UTF-16 units); the client derives the
 * 90-unit title from its first sentence.
 */
public final class TikTokTextFitter implements TextFitter {
  public static final int DESCRIPTION_LIMIT = 4_000;
  public static final int TITLE_LIMIT = 90;

  private final TextFitter fitter = TextFitter.create(FitRules.utf16(DESCRIPTION_LIMIT));
  private final TextFitter titleFitter = TextFitter.create(FitRules.utf16(TITLE_LIMIT));

  @Override
  public OptimizedContent fit(String text, List<String> hashtags, String disclosure) {
    return fitter.fit(text, hashtags, disclosure);
  }

  /** The title for a post with this description: its first sentence (or line), fitted to 90 units. */
  public String title(String description) {
    String firstLine = description.strip().split("\\R", 2)[0];
    String[] sentences = firstLine.split("(?<=[.!?。！？])\\s+", 2);
    return titleFitter.fit(sentences[0], List.of()).text();
  }
}
