package io.chorus.contracts.webhooks;

/** What a {@link WebhookRequest} asks of the webhook subscriptions service. */
public enum WebhookAction {
  /** Subscribe a URL to event types; answered with the subscription and its new secret. */
  CREATE,
  /** List subscriptions; answered with a {@link WebhookSubscriptionPage}. */
  LIST,
  /** One subscription, without its secret. */
  GET,
  /** Remove a subscription and its deliveries. */
  DELETE,
  /** Give a subscription a new secret; the old one stays valid for the overlap period. */
  ROTATE_SECRET,
  /** A subscription's deliveries, newest first; answered with a {@link WebhookDeliveryPage}. */
  LIST_DELIVERIES,
  /** Send a delivery again now, with a fresh retry schedule; answered with the delivery. */
  REPLAY
}
