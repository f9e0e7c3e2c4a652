package io.chorus.pipeline.review;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Links may point only at the brand's allowed domains or their subdomains; one violation per
 * other host linked to.
 */
public final class LinkDomains implements ReviewRule {
  private final List<String> allowed;

  /** The rule for a brand's {@code allowedLinkDomains}; an empty list allows no link at all. */
  public LinkDomains(List<String> allowedDomains) {
    this.allowed = allowedDomains.stream().map(domain -> domain.strip().toLowerCase(Locale.ROOT)).toList();
  }

  @Override
  public List<Violation> check(Candidate candidate) {
    Set<String> refused = new LinkedHashSet<>();
    for (String host : TextPatterns.linkHosts(candidate.text())) {
      if (!isAllowed(host)) {
        refused.add(host);
      }
    }
    String allowedList = allowed.isEmpty() ? "the brand allows no links" : "allowed: " + String.join(", ", allowed);
    return refused.stream()
        .map(host -> new Violation("link-domains", "links to " + host + ", which is not an allowed domain ("
            + allowedList + ")"))
        .toList();
  }

  private boolean isAllowed(String host) {
    return allowed.stream().anyMatch(domain -> host.equals(domain) || host.endsWith("." + domain));
  }
}
