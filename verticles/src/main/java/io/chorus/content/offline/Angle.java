package io.chorus.content.offline;

import java.util.Arrays;
import java.util.List;

/** The way a post opens, each with its own bank of openings; {@code %s} is filled from the angle's slot. */
enum Angle {
  QUESTION(Slot.TREND,
      "Who else is here for %s?",
      "Anyone else thinking about %s?",
      "Ready for %s?"),
  TREND_TIE_IN(Slot.TREND,
      "Made for %s.",
      "Talking about %s? So are we.",
      "Bring on %s."),
  FACT_LED(Slot.FACT,
      "Fact: %s.",
      "Worth knowing: %s.",
      "Here is the short version: %s."),
  BEHIND_THE_SCENES(Slot.FACT,
      "Behind the scenes: %s.",
      "A look at how we work: %s.",
      "From our team, with some pride: %s."),
  STORY(Slot.NONE,
      "It started with a simple idea.",
      "Here is a small story from our team.",
      "A few months ago we set ourselves a challenge.");

  /** What fills an opening: a trend, a key message, or nothing. */
  enum Slot { TREND, FACT, NONE }

  private final Slot slot;
  private final List<String> openings;

  Angle(Slot slot, String... openings) {
    this.slot = slot;
    this.openings = List.of(openings);
  }

  Slot slot() {
    return slot;
  }

  List<String> openings() {
    return openings;
  }

  /** The angles a campaign can support: no trend-led posts without trends, no fact-led ones without key messages. */
  static List<Angle> possible(boolean hasFacts, boolean hasTrends) {
    return Arrays.stream(values())
        .filter(a -> a.slot != Slot.TREND || hasTrends)
        .filter(a -> a.slot != Slot.FACT || hasFacts)
        .toList();
  }
}
