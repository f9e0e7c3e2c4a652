package io.chorus.contracts.webhooks;

import java.util.List;

/**
 * A request to the webhook subscriptions service. Fields an action does not use are null.
 *
 * @param brandId the brand the caller acts for; null lets an administrator see every brand (LIST,
 *     GET and the rest), but CREATE always names one
 * @param deliveryStatus LIST_DELIVERIES: only deliveries in this status (PENDING, SUCCEEDED, DEAD)
 * @param limit LIST_DELIVERIES: at most this many
 * @param actor who asks, as the audit log names them
 */
public record WebhookRequest(
    WebhookAction action,
    String brandId,
    String subscriptionId,
    String deliveryId,
    String url,
    List<String> eventTypes,
    String description,
    String deliveryStatus,
    int limit,
    String actor) {

  public WebhookRequest {
    eventTypes = eventTypes == null ? null : List.copyOf(eventTypes);
  }
}
