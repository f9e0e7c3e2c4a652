package io.chorus.web.webhooks.inbound;

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
 * TikTok's webhooks: a {@code TikTok-Signature: t=<unix seconds>,s=<hex>} header, the HMAC-SHA256
 * of {@code t.body} under the client secret. The timestamp is signed, so a request further than
 * the tolerance from now is refused as a replay. TikTok checks no URL with a GET.
 */
final class TikTokWebhook implements PlatformWebhook {
  private static final String SIGNATURE = "TikTok-Signature";

  private final String clientSecret;
  private final long toleranceSeconds;

  TikTokWebhook(String clientSecret, long toleranceSeconds) {
    this.clientSecret = clientSecret;
    this.toleranceSeconds = toleranceSeconds;
  }

  @Override
  public String name() {
    return "tiktok";
  }

  @Override
  public boolean hasHandshake() {
    return false;
  }

  @Override
  public void handshake(RoutingContext rc) {
    rc.response().setStatusCode(405).end();
  }

  @Override
  public String rejection(MultiMap headers, Buffer body, long nowSeconds) {
    String presented = headers.get(SIGNATURE);
    if (presented == null) {
      return "the " + SIGNATURE + " header is missing";
    }
    String timestamp = null;
    String signature = null;
    for (String element : presented.split(",")) {
      String[] pair = element.trim().split("=", 2);
      if (pair.length == 2 && pair[0].equals("t")) {
        timestamp = pair[1];
      } else if (pair.length == 2 && pair[0].equals("s")) {
        signature = pair[1].toLowerCase(Locale.ROOT);
      }
    }
    long signedAt;
    try {
      signedAt = Long.parseLong(timestamp == null ? "" : timestamp);
    } catch (NumberFormatException malformed) {
      return "the " + SIGNATURE + " header has no timestamp t=";
    }
    String expected = Hmac.hex(Hmac.sha256(clientSecret, Hmac.utf8(timestamp + "."), body.getBytes()));
    if (!Hmac.same(expected, signature)) {
      return "the " + SIGNATURE + " signature does not match";
    }
    return Math.abs(nowSeconds - signedAt) > toleranceSeconds
        ? "the " + SIGNATURE + " timestamp is more than " + toleranceSeconds + " s from now" : null;
  }

  @Override
  public List<PlatformEvent> events(JsonObject payload) {
    String event = text(payload, "event");
    String user = text(payload, "user_openid");
    String createTime = text(payload, "create_time");
    String content = text(payload, "content");
    String key = event + ":" + user + ":" + createTime + ":" + EventIds.digest(content == null ? "" : content);
    return List.of(new PlatformEvent(EventIds.of(Platform.TIKTOK, key), Platform.TIKTOK, user, Kind.OTHER, null, null,
        null, null, Payloads.epochSeconds(createTime), payload.encode()));
  }
}
