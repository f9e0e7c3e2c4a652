package io.chorus.content.offline;

import java.util.List;

/** The phrase banks shared by every platform layout; {@code %s} marks where the campaign's words go. */
final class Phrases {
  static final List<String> PRODUCT_FRAMES = List.of("%s", "The news: %s", "In short: %s");

  static final List<String> FACT_FRAMES = List.of(
      "%s.", "Good to know: %s.", "The detail we love: %s.", "And yes, %s.");

  static final List<String> TREND_LINES = List.of(
      "Perfect for %s.", "Just in time for %s.", "Our kind of %s.");

  static final List<String> LINKEDIN_FACT_INTROS = List.of(
      "What makes it different:", "A few things we are proud of:", "Why it matters:");

  static final List<String> LINKEDIN_TREND_LINES = List.of(
      "It also speaks to a wider conversation about %s, and we think that conversation is worth joining.",
      "As more people talk about %s, we want to show what doing it well looks like.",
      "We see %s as more than a moment, and this is our contribution to it.");

  static final List<String> LINKEDIN_CLOSERS = List.of(
      "We would be glad to hear how your team sees it.",
      "Thank you to everyone who helped make this happen.",
      "More to share soon.");

  private Phrases() {}
}
