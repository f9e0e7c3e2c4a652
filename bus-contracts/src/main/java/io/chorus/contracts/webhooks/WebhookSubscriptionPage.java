package io.chorus.contracts.webhooks;

import java.util.List;

/** Webhook subscriptions, oldest first. */
public record WebhookSubscriptionPage(List<WebhookSubscription> items) {
  public WebhookSubscriptionPage {
    items = List.copyOf(items);
  }
}
