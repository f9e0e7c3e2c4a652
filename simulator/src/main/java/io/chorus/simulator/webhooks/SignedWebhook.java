package io.chorus.simulator.webhooks;

import java.util.Map;

/**
 * A webhook request as a platform sends it: the path it goes to on the receiver
 * ({@code /webhooks/<name>}), its signature headers and its exact body.
 */
public record SignedWebhook(String path, Map<String, String> headers, String body) {
  public SignedWebhook {
    headers = Map.copyOf(headers);
  }
}
