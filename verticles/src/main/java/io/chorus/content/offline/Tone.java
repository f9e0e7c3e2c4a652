package io.chorus.content.offline;

import java.util.List;
import java.util.Locale;

/** A coarse reading of the brand voice, enough to choose punctuation, sign-offs and a fallback call to action. */
enum Tone {
  LIVELY("!", "Tell us what you think below!",
      List.of("playful", "bold", "fun", "energetic", "cheeky", "excited"),
      List.of("See you there!", "This one is special!", "You heard it here first!")),
  FORMAL(".", "We would welcome your thoughts.",
      List.of("formal", "professional", "authoritative", "expert", "corporate"),
      List.of("Thank you for reading.", "We look forward to your feedback.")),
  WARM(".", "Tell us what you think in the comments.",
      List.of(),
      List.of("Enjoy.", "We hope you love it as much as we do.", "Thanks for being here."));

  private final String emphasis;
  private final String defaultCallToAction;
  private final List<String> cues;
  private final List<String> signOffs;

  Tone(String emphasis, String defaultCallToAction, List<String> cues, List<String> signOffs) {
    this.emphasis = emphasis;
    this.defaultCallToAction = defaultCallToAction;
    this.cues = cues;
    this.signOffs = signOffs;
  }

  /** How the sentence announcing the product ends. */
  String emphasis() {
    return emphasis;
  }

  String defaultCallToAction() {
    return defaultCallToAction;
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
