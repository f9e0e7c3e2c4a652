package io.chorus.web.webhooks.inbound;

import io.chorus.contracts.platform.PlatformEvent;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.List;

/** One platform's side of an inbound webhook: its URL check, its signature, and how its payloads read. */
interface PlatformWebhook {

  /** The last segment of the webhook's path, {@code /webhooks/<name>}. */
  String name();

  /** Whether the platform checks the URL with a GET (Meta, X, LinkedIn); TikTok does not. */
  default boolean hasHandshake() {
    return true;
  }

  /** Answers the platform's GET that proves Chorus owns the URL. */
  void handshake(RoutingContext rc);

  /**
   * Why the request is not authentic, or null when it is: a missing or wrong signature, or a signed
   * timestamp outside the tolerance.
   */
  String rejection(MultiMap headers, Buffer body, long nowSeconds);

  /** The events in an authentic payload; an event of no interest to agents comes as {@code OTHER}. */
  List<PlatformEvent> events(JsonObject payload);
}
