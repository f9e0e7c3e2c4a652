package io.chorus.pipeline.review;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * Every rule one post must keep: its brand's banned words and phrases, disclosure when its
 * campaign is sponsored, link domains, hashtag and mention limits, the profanity list, and no
 * near-duplicate of its account's recent posts.
 */
public final class ReviewRules {
  private final List<ReviewRule> rules;

  private ReviewRules(List<ReviewRule> rules) {
    this.rules = List.copyOf(rules);
  }

  /** The rules for a post of this brand, in a campaign that is or is not sponsored. */
  public static ReviewRules of(BrandRules brand, boolean sponsored, ReviewOptions options) {
    List<ReviewRule> rules = new ArrayList<>();
    rules.add(BannedTerms.bannedWords(brand.bannedWords()));
    rules.add(BannedTerms.profanity(options.profanity()));
    if (sponsored) {
      rules.add(new RequiredDisclosure(brand.disclosure()));
    }
    if (brand.allowedLinkDomains() != null) {
      rules.add(new LinkDomains(brand.allowedLinkDomains()));
    }
    if (brand.maxHashtags() != null) {
      rules.add(TagLimit.hashtags(brand.maxHashtags()));
    }
    if (brand.maxMentions() != null) {
      rules.add(TagLimit.mentions(brand.maxMentions()));
    }
    rules.add(new NearDuplicate(options.nearDuplicateThreshold()));
    return new ReviewRules(rules);
  }

  /** The rules for a post of this brand in the campaign this configuration describes ({@code sponsored} or not). */
  public static ReviewRules of(BrandRules brand, JsonObject campaign, ReviewOptions options) {
    return of(brand, campaign.getBoolean("sponsored", false), options);
  }

  /** Every violation of every rule, in the order above; empty when the post may go out. */
  public List<Violation> check(Candidate candidate) {
    List<Violation> violations = new ArrayList<>();
    rules.forEach(rule -> violations.addAll(rule.check(candidate)));
    return violations;
  }

  /** The violations in one line, as a rejected post's history and last error keep them. */
  public static String explain(List<Violation> violations) {
    return String.join("; ", violations.stream().map(Violation::explain).toList());
  }
}
