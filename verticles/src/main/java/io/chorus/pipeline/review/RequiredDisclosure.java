package io.chorus.pipeline.review;

import java.util.List;

/**
 * A sponsored campaign's posts must carry the brand's disclosure (such as {@code #ad}), as a
 * whole word in any case.
 */
public final class RequiredDisclosure implements ReviewRule {
  static final String RULE = "disclosure";

  private final String disclosure;

  /** The rule for a sponsored campaign of a brand whose disclosure is this text (null when none is configured). */
  public RequiredDisclosure(String disclosure) {
    this.disclosure = disclosure == null || disclosure.isBlank() ? null : disclosure.strip();
  }

  @Override
  public List<Violation> check(Candidate candidate) {
    if (disclosure == null) {
      // Publishing sponsored content undisclosed is the failure this rule exists to prevent.
      return List.of(new Violation(RULE,
          "the campaign is sponsored but the brand has no disclosure text configured to carry"));
    }
    if (TextPatterns.wholeTerm(disclosure).matcher(candidate.text()).find()) {
      return List.of();
    }
    return List.of(new Violation(RULE,
        "the campaign is sponsored, so the post must carry the disclosure \"" + disclosure + "\""));
  }
}
