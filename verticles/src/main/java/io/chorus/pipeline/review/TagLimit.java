package io.chorus.pipeline.review;

import java.util.List;
import java.util.regex.Pattern;

/** At most so many hashtags, or so many mentions, in one post. */
public final class TagLimit implements ReviewRule {
  private final String rule;
  private final String noun;
  private final Pattern pattern;
  private final int max;

  private TagLimit(String rule, String noun, Pattern pattern, int max) {
    this.rule = rule;
    this.noun = noun;
    this.pattern = pattern;
    this.max = max;
  }

  /** The brand's {@code maxHashtags}. */
  public static TagLimit hashtags(int max) {
    return new TagLimit("hashtag-limit", "hashtags", TextPatterns.HASHTAG, max);
  }

  /** The brand's {@code maxMentions}. */
  public static TagLimit mentions(int max) {
    return new TagLimit("mention-limit", "mentions", TextPatterns.MENTION, max);
  }

  @Override
  public List<Violation> check(Candidate candidate) {
    List<String> found = TextPatterns.all(pattern, candidate.text());
    if (found.size() <= max) {
      return List.of();
    }
    return List.of(new Violation(rule, "has " + found.size() + " " + noun + " (" + String.join(", ", found)
        + "); the brand allows at most " + max));
  }
}
