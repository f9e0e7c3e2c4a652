package io.chorus.events.webhooks.impl;

import io.chorus.events.webhooks.WebhookSigner;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** The HMAC-SHA256 ({@code v1}) scheme of Standard Webhooks. */
public final class StandardWebhookSigner implements WebhookSigner {
  private static final int SECRET_BYTES = 32;

  private final SecureRandom random = new SecureRandom();

  @Override
  public String newSecret() {
    byte[] key = new byte[SECRET_BYTES];
    random.nextBytes(key);
    return SECRET_PREFIX + Base64.getEncoder().encodeToString(key);
  }

  @Override
  public String sign(String messageId, long timestampSeconds, byte[] body, List<String> secrets) {
    byte[] prefix = (messageId + "." + timestampSeconds + ".").getBytes(StandardCharsets.UTF_8);
    List<String> signatures = new ArrayList<>(secrets.size());
    for (String secret : secrets) {
      try {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key(secret), "HmacSHA256"));
        mac.update(prefix);
        signatures.add("v1," + Base64.getEncoder().encodeToString(mac.doFinal(body)));
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("every Java runtime has HmacSHA256", e);
      }
    }
    return String.join(" ", signatures);
  }

  private static byte[] key(String secret) {
    String encoded = secret.startsWith(SECRET_PREFIX) ? secret.substring(SECRET_PREFIX.length()) : secret;
    return Base64.getDecoder().decode(encoded);
  }
}
