package io.chorus.events.webhooks;

import io.chorus.events.webhooks.impl.StandardWebhookSigner;
import java.util.List;

/**
 * Signs outbound webhooks as the Standard Webhooks specification says: HMAC-SHA256 over
 * {@code id.timestamp.body} with each secret's key, every signature as {@code v1,<base64>}.
 */
public interface WebhookSigner {
  /** The prefix of Standard Webhooks symmetric secrets. */
  String SECRET_PREFIX = "whsec_";

  static WebhookSigner create() {
    return new StandardWebhookSigner();
  }

  /** A new random secret, {@code whsec_} and the base64 of 32 random bytes. */
  String newSecret();

  /**
   * The {@code webhook-signature} header value: one signature per secret, space-separated, so
   * receivers holding either the old or the new secret during a rotation can verify.
   *
   * @param secrets {@code whsec_} secrets, the current one first
   */
  String sign(String messageId, long timestampSeconds, byte[] body, List<String> secrets);
}
