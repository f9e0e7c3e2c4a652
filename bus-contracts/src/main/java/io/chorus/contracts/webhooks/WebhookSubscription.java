package io.chorus.contracts.webhooks;

import java.time.Instant;
import java.util.List;

/**
 * A partner's subscription to a brand's events.
 *
 * @param status ACTIVE, or DISABLED once the target answered 410 Gone
 * @param secret the signing secret ({@code whsec_...}); present only in the answer to CREATE and
 *     ROTATE_SECRET, the one time the partner sees it
 * @param previousSecretExpiresAt until when deliveries are also signed with the secret before the
 *     last rotation, or null
 */
public record WebhookSubscription(
    String id,
    String brandId,
    String url,
    List<String> eventTypes,
    String description,
    String status,
    String disabledReason,
    String secret,
    Instant previousSecretExpiresAt,
    Instant createdAt,
    Instant updatedAt) {

  public WebhookSubscription {
    eventTypes = List.copyOf(eventTypes);
  }
}
