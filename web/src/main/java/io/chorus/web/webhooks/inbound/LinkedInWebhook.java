package io.chorus.web.webhooks.inbound;

import static io.chorus.web.webhooks.inbound.Payloads.first;
import static io.chorus.web.webhooks.inbound.Payloads.object;
import static io.chorus.web.webhooks.inbound.Payloads.objects;
import static io.chorus.web.webhooks.inbound.Payloads.text;

import io.chorus.contracts.Platform;
import io.chorus.contracts.platform.PlatformEvent;
import io.chorus.contracts.platform.PlatformEvent.Kind;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Locale;

/**
 * LinkedIn's webhooks: a {@code challengeCode} validation answered with the hex HMAC-SHA256 of the
 * code under the client secret, and an {@code X-LI-Signature} header, the hex HMAC-SHA256 of
 * {@code hmacsha256=} followed by the body. Organization social action notifications become
 * comments and mentions.
 */
final class LinkedInWebhook implements PlatformWebhook {
  private static final String SIGNATURE = "X-LI-Signature";
  private static final String PREFIX = "hmacsha256=";

  private final String clientSecret;

  LinkedInWebhook(String clientSecret) {
    this.clientSecret = clientSecret;
  }

  @Override
  public String name() {
    return "linkedin";
  }

  @Override
  public void handshake(RoutingContext rc) {
    String code = rc.request().getParam("challengeCode");
    if (code == null || code.isEmpty()) {
      rc.response().setStatusCode(400).putHeader("content-type", "application/json")
          .end(new JsonObject().put("error", "challengeCode is required").encode());
      return;
    }
    rc.response().putHeader("content-type", "application/json").end(new JsonObject()
        .put("challengeCode", code)
        .put("challengeResponse", Hmac.hex(Hmac.sha256(clientSecret, Hmac.utf8(code)))).encode());
  }

  @Override
  public String rejection(MultiMap headers, Buffer body, long nowSeconds) {
    String presented = headers.get(SIGNATURE);
    if (presented == null) {
      return "the " + SIGNATURE + " header is missing";
    }
    String signature = presented.trim().toLowerCase(Locale.ROOT);
    // LinkedIn documents the prefix as part of what is signed; some senders also prefix the header.
    if (signature.startsWith(PREFIX)) {
      signature = signature.substring(PREFIX.length());
    }
    String expected = Hmac.hex(Hmac.sha256(clientSecret, Hmac.utf8(PREFIX), body.getBytes()));
    return Hmac.same(expected, signature) ? null : "the " + SIGNATURE + " signature does not match";
  }

  @Override
  public List<PlatformEvent> events(JsonObject payload) {
    List<JsonObject> notifications = objects(payload, "notifications");
    return (notifications.isEmpty() ? List.of(payload) : notifications).stream().map(LinkedInWebhook::event).toList();
  }

  private static PlatformEvent event(JsonObject notification) {
    String action = text(notification, "action");
    String upper = action == null ? "" : action.toUpperCase(Locale.ROOT);
    Kind kind = upper.contains("MENTION") ? Kind.MENTION : upper.equals("COMMENT") ? Kind.COMMENT : Kind.OTHER;
    String id = text(notification, "notificationId");
    String key = id == null ? EventIds.digest(notification.encode()) : "notification:" + id;
    JsonObject comment = object(object(notification, "decoratedGeneratedActivity"), "comment");
    return new PlatformEvent(EventIds.of(Platform.LINKEDIN, key), Platform.LINKEDIN,
        text(notification, "organizationalEntity"), kind,
        first(text(notification, "generatedActivity"), text(comment, "entity")), text(notification, "sourcePost"),
        first(text(notification, "actor"), text(comment, "owner")), text(comment, "text"),
        Payloads.epochMillis(text(notification, "lastModifiedAt")), notification.encode());
  }
}
