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

  /** "Little" text as plain text: the backslash before each reserved character removed. */
  public static String unescape(String little) {
    StringBuilder out = new StringBuilder(little.length());
    for (int i = 0; i < little.length(); i++) {
      char c = little.charAt(i);
      if (c == '\\' && i + 1 < little.length() && RESERVED.indexOf(little.charAt(i + 1)) >= 0) {
        c = little.charAt(++i);
      }
      out.append(c);
    }
    return out.toString();
  }
}
