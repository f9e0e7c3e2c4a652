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
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Meta's webhooks, for Facebook Pages ({@code "object":"page"}) and Instagram
 * ({@code "object":"instagram"}): a {@code hub.challenge} handshake and an
 * {@code X-Hub-Signature-256} header, the hex HMAC-SHA256 of the body under the app secret.
 */
final class MetaWebhook implements PlatformWebhook {
  private static final String SIGNATURE = "X-Hub-Signature-256";
  private static final String PREFIX = "sha256=";

  private final String verifyToken;
  private final String appSecret;

  MetaWebhook(String verifyToken, String appSecret) {
    this.verifyToken = verifyToken;
    this.appSecret = appSecret;
  }

  @Override
  public String name() {
    return "meta";
  }

  @Override
  public void handshake(RoutingContext rc) {
    String challenge = rc.request().getParam("hub.challenge");
    boolean subscribing = "subscribe".equals(rc.request().getParam("hub.mode"));
    if (subscribing && challenge != null && verifyToken != null
        && Hmac.same(verifyToken, rc.request().getParam("hub.verify_token"))) {
      rc.response().putHeader("content-type", "text/plain").end(challenge);
    } else {
      rc.response().setStatusCode(403).end();
    }
  }

  @Override
  public String rejection(MultiMap headers, Buffer body, long nowSeconds) {
    String presented = headers.get(SIGNATURE);
    if (presented == null || !presented.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
      return "the " + SIGNATURE + " header is missing";
    }
    String expected = Hmac.hex(Hmac.sha256(appSecret, body.getBytes()));
    return Hmac.same(expected, presented.substring(PREFIX.length()).toLowerCase(Locale.ROOT))
        ? null : "the " + SIGNATURE + " signature does not match";
  }

  @Override
  public List<PlatformEvent> events(JsonObject payload) {
    String object = text(payload, "object");
    Platform platform = "instagram".equals(object) ? Platform.INSTAGRAM : "page".equals(object) ? Platform.FACEBOOK : null;
    List<PlatformEvent> events = new ArrayList<>();
    if (platform == null) {
      return events;
    }
    for (JsonObject entry : objects(payload, "entry")) {
      String account = text(entry, "id");
      for (JsonObject change : objects(entry, "changes")) {
        events.add(platform == Platform.INSTAGRAM ? instagramChange(account, entry, change)
            : pageChange(account, entry, change));
      }
      for (JsonObject messaging : objects(entry, "messaging")) {
        events.add(message(platform, account, messaging));
      }
    }
    return events;
  }

  private static PlatformEvent pageChange(String account, JsonObject entry, JsonObject change) {
    String field = text(change, "field");
    JsonObject value = object(change, "value");
    String item = text(value, "item");
    String verb = text(value, "verb");
    String commentId = text(value, "comment_id");
    String postId = text(value, "post_id");
    Kind kind = "mention".equals(field) ? Kind.MENTION
        : "feed".equals(field) && "comment".equals(item) && "add".equals(verb) ? Kind.COMMENT : Kind.OTHER;
    String externalId = first(commentId, postId);
    String inReplyTo = commentId == null ? null : first(text(value, "parent_id"), postId);
    String key = externalId == null ? EventIds.digest(change.encode()) : field + ":" + item + ":" + verb + ":" + externalId;
    return new PlatformEvent(EventIds.of(Platform.FACEBOOK, key), Platform.FACEBOOK, account, kind, externalId,
        inReplyTo, text(object(value, "from"), "id"), text(value, "message"),
        Payloads.epochSeconds(first(text(value, "created_time"), text(entry, "time"))), change.encode());
  }

  private static PlatformEvent instagramChange(String account, JsonObject entry, JsonObject change) {
    String field = text(change, "field");
    JsonObject value = object(change, "value");
    Kind kind = switch (field == null ? "" : field) {
      case "comments", "live_comments" -> Kind.COMMENT;
      case "mentions" -> Kind.MENTION;
      default -> Kind.OTHER;
    };
    String mediaId = first(text(object(value, "media"), "id"), text(value, "media_id"));
    String externalId = kind == Kind.MENTION ? first(text(value, "comment_id"), mediaId) : text(value, "id");
    String key = externalId == null ? EventIds.digest(change.encode()) : field + ":" + externalId;
    JsonObject from = object(value, "from");
    return new PlatformEvent(EventIds.of(Platform.INSTAGRAM, key), Platform.INSTAGRAM, account, kind, externalId,
        first(text(value, "parent_id"), mediaId), first(text(from, "username"), text(from, "id")),
        text(value, "text"), Payloads.epochSeconds(text(entry, "time")), change.encode());
  }

  private static PlatformEvent message(Platform platform, String account, JsonObject messaging) {
    JsonObject message = object(messaging, "message");
    boolean received = message != null && !Boolean.TRUE.equals(message.getValue("is_echo"));
    String mid = text(message, "mid");
    String key = mid == null ? EventIds.digest(messaging.encode()) : "message:" + mid;
    return new PlatformEvent(EventIds.of(platform, key), platform, account, received ? Kind.MESSAGE : Kind.OTHER, mid,
        text(object(message, "reply_to"), "mid"), text(object(messaging, "sender"), "id"), text(message, "text"),
        Payloads.epochMillis(text(messaging, "timestamp")), messaging.encode());
  }
}
