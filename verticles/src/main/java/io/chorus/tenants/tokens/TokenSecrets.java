package io.chorus.tenants.tokens;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/** Makes token secrets and ids, and the digest under which a secret is stored and found. */
final class TokenSecrets {
  /** Marks Chorus tokens, so secret scanners and people recognise a leaked one. */
  static final String PREFIX = "chorus_";

  private static final int SECRET_BYTES = 32;
  private static final int ID_BYTES = 8;

  private final SecureRandom random = new SecureRandom();

  /** A new token: the prefix and 256 random bits, base64url. */
  String newSecret() {
    byte[] bytes = new byte[SECRET_BYTES];
    random.nextBytes(bytes);
    return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  String newId() {
    byte[] bytes = new byte[ID_BYTES];
    random.nextBytes(bytes);
    return "tok_" + HexFormat.of().formatHex(bytes);
  }

  static byte[] digest(String secret) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
