package io.chorus.platform.linkedin;

/** LinkedIn's "little" text format, in which unescaped reserved characters silently cut the post. */
public final class LittleText {
  private static final String RESERVED = "\\|{}@[]()<>#*_~";

  private LittleText() {}

  /** Plain text as "little" text: every reserved character backslash-escaped. */
  public static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (RESERVED.indexOf(c) >= 0) {
        out.append('\\');
      }
      out.append(c);
    }
    return out.toString();
  }
}
