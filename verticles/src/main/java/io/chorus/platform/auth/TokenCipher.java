package io.chorus.platform.auth;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts tokens for storage with AES-256-GCM: a fresh 96-bit nonce per value, stored before the
 * ciphertext and its tag, and the account id as associated data, so a value copied to another
 * account's row does not decrypt. Tokens are a few hundred bytes: cheap enough for an event loop.
 */
public final class TokenCipher {
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final int KEY_BYTES = 32;

  private final SecretKeySpec key;
  private final SecureRandom random = new SecureRandom();

  private TokenCipher(byte[] key) {
    this.key = new SecretKeySpec(key, "AES");
  }

  /** A cipher for a base64 256-bit key; the message names the configuration key at fault. */
  public static TokenCipher fromBase64(String base64Key) {
    byte[] key;
    try {
      key = Base64.getDecoder().decode(base64Key.strip());
    } catch (IllegalArgumentException notBase64) {
      throw new IllegalArgumentException("tokens.encryptionKey is not base64; expected 32 random bytes in base64");
    }
    if (key.length != KEY_BYTES) {
      throw new IllegalArgumentException("tokens.encryptionKey holds " + key.length
          + " bytes; expected 32 random bytes in base64 (e.g. openssl rand -base64 32)");
    }
    return new TokenCipher(key);
  }

  public byte[] encrypt(String plain, String accountId) {
    if (plain == null) {
      return null;
    }
    try {
      byte[] nonce = new byte[NONCE_BYTES];
      random.nextBytes(nonce);
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(accountId.getBytes(StandardCharsets.UTF_8));
      byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
      return ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
    } catch (GeneralSecurityException e) {
      // AES-GCM is required of every Java platform; failing here means a broken runtime.
      throw new IllegalStateException("cannot encrypt a token", e);
    }
  }

  /** The plain token; fails when the value was sealed with another key or for another account. */
  public String decrypt(byte[] stored, String accountId) {
    if (stored == null) {
      return null;
    }
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, stored, 0, NONCE_BYTES));
      cipher.updateAAD(accountId.getBytes(StandardCharsets.UTF_8));
      return new String(cipher.doFinal(stored, NONCE_BYTES, stored.length - NONCE_BYTES), StandardCharsets.UTF_8);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the stored token of account " + accountId
          + " does not decrypt with tokens.encryptionKey (was the key changed?)", e);
    }
  }
}
