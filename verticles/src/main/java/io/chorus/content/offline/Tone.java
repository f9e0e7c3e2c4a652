package io.chorus.content.offline;

import java.util.List;
import java.util.Locale;

/** A coarse reading of the brand voice, enough to choose sign-offs and calls to action for campaigns without one. */
enum Tone {
  LIVELY(
      List.of("Tell us what you think below!", "Come say hi!", "Go on, give it a try!", "Who's in?"),
      List.of("playful", "bold", "fun", "energetic", "cheeky", "excited"),
      List.of("See you there!", "This one is special!", "You heard it here first!", "Let's go!", "Don't wait!")),
  FORMAL(
      List.of("We would welcome your thoughts.", "We look forward to your feedback.", "Learn more on our website."),
      List.of("formal", "professional", "authoritative", "expert", "corporate"),
      List.of("Thank you for reading.", "We look forward to your feedback.", "With thanks to our team.")),
  WARM(
      List.of("Tell us what you think in the comments.", "Let us know how you get on.", "Come and say hello.",
          "We'd love to hear from you."),
      List.of(),
      List.of("Enjoy.", "We hope you love it as much as we do.", "Thanks for being here.", "See you soon.",
          "With love from all of us.", "Take care, and enjoy."));

  private final List<String> callsToAction;
  private final List<String> cues;
  private final List<String> signOffs;

  Tone(List<String> callsToAction, List<String> cues, List<String> signOffs) {
    this.callsToAction = callsToAction;
    this.cues = cues;
    this.signOffs = signOffs;
  }

  /** Calls to action for campaigns that configure none. */
  List<String> callsToAction() {
    return callsToAction;
  }

  List<String> signOffs() {
    return signOffs;
  }

  /** The tone a voice description suggests; WARM when it names none of the cues. */
  static Tone of(String voice) {
    String words = voice == null ? "" : voice.toLowerCase(Locale.ROOT);
    for (Tone tone : values()) {
      if (tone.cues.stream().anyMatch(words::contains)) {
        return tone;
      }
    }
    return WARM;
  }
}
