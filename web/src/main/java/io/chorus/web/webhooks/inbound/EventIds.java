package io.chorus.web.webhooks.inbound;

import io.chorus.contracts.Platform;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;

/**
 * Chorus's id of an inbound event, derived from the platform and the platform's own key for it:
 * the same event, however often delivered, always gets the same id, which is how repeats are found.
 */
final class EventIds {
  private EventIds() {}

  static String of(Platform platform, String key) {
    return UUID.nameUUIDFromBytes((platform.id() + ":" + key).getBytes(StandardCharsets.UTF_8)).toString();
  }

  /** A key for events the platform gives no id: the digest of their content. */
  static String digest(String content) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(sha.digest(content.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
