package io.chorus.pipeline.review;

/**
 * One way a post breaks one of its brand's review rules, explained for the person who reads it.
 *
 * @param rule the rule's name, such as {@code banned-words} or {@code link-domains}
 * @param message what the text does wrong, naming the offending word, link or count
 */
public record Violation(String rule, String message) {

  /** The rule and its message in one line, as kept in a post's history. */
  public String explain() {
    return rule + ": " + message;
  }
}
