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
import java.util.Base64;
import java.util.List;

/**
 * X's Account Activity webhook: a CRC check ({@code crc_token} answered with
 * {@code sha256=<base64 HMAC-SHA256>} under the consumer secret) and an
 * {@code x-twitter-webhooks-signature} header, the same over the body.
 */
final class XWebhook implements PlatformWebhook {
  private static final String SIGNATURE = "x-twitter-webhooks-signature";
  private static final String PREFIX = "sha256=";
  private static final List<String> TWEETS = List.of("tweet_create_events");
  private static final List<String> OTHER_EVENTS = List.of("favorite_events", "follow_events", "unfollow_events",
      "block_events", "unblock_events", "mute_events", "unmute_events", "tweet_delete_events",
      "direct_message_indicate_typing_events", "direct_message_mark_read_events", "user_event");

  private final String consumerSecret;

  XWebhook(String consumerSecret) {
    this.consumerSecret = consumerSecret;
  }

  @Override
  public String name() {
    return "x";
  }

  @Override
  public void handshake(RoutingContext rc) {
    String token = rc.request().getParam("crc_token");
    if (token == null || token.isEmpty()) {
      rc.response().setStatusCode(400).putHeader("content-type", "application/json")
          .end(new JsonObject().put("error", "crc_token is required").encode());
      return;
    }
    rc.response().putHeader("content-type", "application/json")
        .end(new JsonObject().put("response_token", PREFIX + base64(Hmac.utf8(token))).encode());
  }

  @Override
  public String rejection(MultiMap headers, Buffer body, long nowSeconds) {
    String presented = headers.get(SIGNATURE);
    if (presented == null) {
      return "the " + SIGNATURE + " header is missing";
    }
    return Hmac.same(PREFIX + base64(body.getBytes()), presented) ? null : "the " + SIGNATURE + " signature does not match";
  }

  @Override
  public List<PlatformEvent> events(JsonObject payload) {
    String account = text(payload, "for_user_id");
    List<PlatformEvent> events = new ArrayList<>();
    for (String array : TWEETS) {
      for (JsonObject tweet : objects(payload, array)) {
        events.add(tweet(account, tweet));
      }
    }
    for (JsonObject dm : objects(payload, "direct_message_events")) {
      events.add(directMessage(account, dm));
    }
    for (String array : OTHER_EVENTS) {
      for (JsonObject other : objects(payload, array)) {
        String id = first(text(other, "id"), text(other, "id_str"), text(other, "created_timestamp"));
        String key = array + ":" + (id == null ? EventIds.digest(other.encode()) : id + ":" + EventIds.digest(other.encode()));
        events.add(new PlatformEvent(EventIds.of(Platform.X, key), Platform.X, account, Kind.OTHER, id, null, null,
            null, null, new JsonObject().put(array, other).encode()));
      }
    }
    return events;
  }

  private static PlatformEvent tweet(String account, JsonObject tweet) {
    String id = text(tweet, "id_str");
    JsonObject user = object(tweet, "user");
    String authorId = text(user, "id_str");
    Kind kind = account != null && account.equals(authorId) ? Kind.OTHER
        : account != null && account.equals(text(tweet, "in_reply_to_user_id_str")) ? Kind.COMMENT : Kind.MENTION;
    String fullText = text(object(tweet, "extended_tweet"), "full_text");
    String key = id == null ? EventIds.digest(tweet.encode()) : "tweet:" + id;
    return new PlatformEvent(EventIds.of(Platform.X, key), Platform.X, account, kind, id,
        text(tweet, "in_reply_to_status_id_str"), first(text(user, "screen_name"), authorId),
        first(fullText, text(tweet, "text")), Payloads.epochMillis(text(tweet, "timestamp_ms")), tweet.encode());
  }

  private static PlatformEvent directMessage(String account, JsonObject dm) {
    String id = text(dm, "id");
    JsonObject create = object(dm, "message_create");
    String sender = text(create, "sender_id");
    boolean received = "message_create".equals(text(dm, "type")) && !(account != null && account.equals(sender));
    String key = id == null ? EventIds.digest(dm.encode()) : "dm:" + id;
    return new PlatformEvent(EventIds.of(Platform.X, key), Platform.X, account, received ? Kind.MESSAGE : Kind.OTHER,
        id, null, sender, text(object(create, "message_data"), "text"),
        Payloads.epochMillis(text(dm, "created_timestamp")), dm.encode());
  }

  private String base64(byte[] data) {
    return Base64.getEncoder().encodeToString(Hmac.sha256(consumerSecret, data));
  }
}
