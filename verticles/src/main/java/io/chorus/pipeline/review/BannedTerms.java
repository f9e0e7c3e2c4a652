package io.chorus.pipeline.review;

import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/**
 * Words and phrases a post must not use, matched whole and in any case; one violation per term
 * used. Serves both the brand's banned words and the deployment's profanity list.
 */
public final class BannedTerms implements ReviewRule {
  private final String rule;
  private final String label;
  private final List<String> terms;
  private final List<Pattern> patterns;

  private BannedTerms(String rule, String label, List<String> terms) {
    this.rule = rule;
    this.label = label;
    this.terms = terms.stream().map(String::strip).filter(term -> !term.isEmpty()).toList();
    this.patterns = this.terms.stream().map(TextPatterns::wholeTerm).toList();
  }

  /** The brand's {@code bannedWords}: single words, or phrases of several words. */
  public static BannedTerms bannedWords(List<String> terms) {
    return new BannedTerms("banned-words", "banned", terms);
  }

  /** The deployment-wide {@code review.profanity} list. */
  public static BannedTerms profanity(List<String> terms) {
    return new BannedTerms("profanity", "profane", terms);
  }

  @Override
  public List<Violation> check(Candidate candidate) {
    return IntStream.range(0, terms.size())
        .filter(i -> patterns.get(i).matcher(candidate.text()).find())
        .mapToObj(i -> new Violation(rule, "uses the " + label + " " + kind(terms.get(i))
            + " \"" + terms.get(i) + "\""))
        .toList();
  }

  private static String kind(String term) {
    return term.contains(" ") ? "phrase" : "word";
  }
}
