package io.chorus.platform;

import java.util.regex.Pattern;

/** Finding a brand's required disclosure (such as "#ad") in a text: as a whole term, in any case. */
final class Disclosure {
  private final String text;
  private final Pattern term;

  private Disclosure(String text) {
    this.text = text;
    this.term = Pattern.compile("(?<![\\p{L}\\p{N}_#])" + Pattern.quote(text) + "(?![\\p{L}\\p{N}_])",
        Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  }

  /** The disclosure, or null when there is none to keep. */
  static Disclosure of(String text) {
    return text == null || text.isBlank() ? null : new Disclosure(text.strip());
  }

  String text() {
    return text;
  }

  boolean in(String candidate) {
    return term.matcher(candidate).find();
  }

  /** The text without its disclosure, whitespace left around it closed up. */
  String removedFrom(String candidate) {
    return term.matcher(candidate).replaceAll("").replaceAll("[ \\t]{2,}", " ").replaceAll("[ \\t]+(\\R)", "$1").strip();
  }
}
