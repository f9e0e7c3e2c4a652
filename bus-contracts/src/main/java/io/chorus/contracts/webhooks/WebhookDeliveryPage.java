package io.chorus.contracts.webhooks;

import java.util.List;

/** A subscription's deliveries, newest first. */
public record WebhookDeliveryPage(List<WebhookDelivery> items) {
  public WebhookDeliveryPage {
    items = List.copyOf(items);
  }
}
