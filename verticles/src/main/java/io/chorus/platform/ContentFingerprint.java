package io.chorus.platform;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The fingerprint by which a post is recognised among an account's posts: the SHA-256 of its text
 * in Unicode NFC with every run of whitespace made one space and the ends trimmed. Nothing else
 * is forgiven (a hashtag more or less is another post), so only the text that was sent matches.
 */
public final class ContentFingerprint {
  private static final Pattern WHITESPACE = Pattern.compile("\\s+", Pattern.UNICODE_CHARACTER_CLASS);

  private ContentFingerprint() {}

  /** The text as compared: NFC, whitespace runs as one space, trimmed. */
  public static String normalise(String text) {
    String composed = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFC);
    return WHITESPACE.matcher(composed).replaceAll(" ").strip();
  }

  /** The hex SHA-256 of the normalised text. */
  public static String of(String text) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(normalise(text).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException impossible) {
      // Every Java runtime must provide SHA-256.
      throw new IllegalStateException(impossible);
    }
  }
}
