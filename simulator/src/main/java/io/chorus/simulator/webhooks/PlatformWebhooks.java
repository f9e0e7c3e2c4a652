package io.chorus.simulator.webhooks;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * What each platform's webhook says when someone comments on an account's post, in its own payload
 * shape and signed its own way: Meta's {@code X-Hub-Signature-256}, X's
 * {@code x-twitter-webhooks-signature}, LinkedIn's {@code X-LI-Signature}. TikTok has no comment
 * webhook; it reports a finished publish, signed with {@code TikTok-Signature} and a timestamp.
 */
public final class PlatformWebhooks {
  private PlatformWebhooks() {}

  /** A comment on {@code postId} of {@code account}, as {@code platform} reports it, if it can. */
  public static Optional<SignedWebhook> comment(String platform, String secret, String account, String postId,
      String commentId, String author, String text, long nowSeconds) {
    return Optional.ofNullable(switch (platform) {
      case "facebook" -> meta(secret, new JsonObject().put("object", "page").put("entry", new JsonArray().add(
          new JsonObject().put("id", account).put("time", nowSeconds).put("changes", new JsonArray().add(
              new JsonObject().put("field", "feed").put("value", new JsonObject()
                  .put("item", "comment").put("verb", "add").put("post_id", postId).put("comment_id", commentId)
                  .put("from", new JsonObject().put("id", author).put("name", author))
                  .put("message", text).put("created_time", nowSeconds)))))));
      case "instagram" -> meta(secret, new JsonObject().put("object", "instagram").put("entry", new JsonArray().add(
          new JsonObject().put("id", account).put("time", nowSeconds).put("changes", new JsonArray().add(
              new JsonObject().put("field", "comments").put("value", new JsonObject()
                  .put("id", commentId).put("text", text)
                  .put("from", new JsonObject().put("id", author).put("username", author))
                  .put("media", new JsonObject().put("id", postId))))))));
      case "x" -> {
        String body = new JsonObject().put("for_user_id", account).put("tweet_create_events", new JsonArray().add(
            new JsonObject().put("id_str", commentId).put("text", text).put("timestamp_ms", nowSeconds * 1000 + "")
                .put("in_reply_to_status_id_str", postId).put("in_reply_to_user_id_str", account)
                .put("user", new JsonObject().put("id_str", "9" + Math.abs(author.hashCode())).put("screen_name", author))))
            .encode();
        yield new SignedWebhook("/webhooks/x", Map.of("x-twitter-webhooks-signature",
            "sha256=" + Base64.getEncoder().encodeToString(hmac(secret, body))), body);
      }
      case "linkedin" -> {
        String body = new JsonObject().put("type", "ORGANIZATION_SOCIAL_ACTION_NOTIFICATIONS")
            .put("notificationId", Math.abs((long) commentId.hashCode())).put("organizationalEntity", account)
            .put("action", "COMMENT").put("sourcePost", postId).put("generatedActivity", commentId)
            .put("actor", author).put("lastModifiedAt", nowSeconds * 1000)
            .put("decoratedGeneratedActivity", new JsonObject().put("comment", new JsonObject().put("text", text)))
            .encode();
        yield new SignedWebhook("/webhooks/linkedin",
            Map.of("X-LI-Signature", HexFormat.of().formatHex(hmac(secret, "hmacsha256=" + body))), body);
      }
      case "tiktok" -> {
        String body = new JsonObject().put("client_key", "simulator").put("event", "video.publish.complete")
            .put("create_time", nowSeconds).put("user_openid", account)
            .put("content", new JsonObject().put("publish_id", postId).put("publish_type", "DIRECT_PUBLISH").encode())
            .encode();
        yield new SignedWebhook("/webhooks/tiktok", Map.of("TikTok-Signature",
            "t=" + nowSeconds + ",s=" + HexFormat.of().formatHex(hmac(secret, nowSeconds + "." + body))), body);
      }
      default -> null;
    });
  }

  private static SignedWebhook meta(String appSecret, JsonObject payload) {
    String body = payload.encode();
    return new SignedWebhook("/webhooks/meta",
        Map.of("X-Hub-Signature-256", "sha256=" + HexFormat.of().formatHex(hmac(appSecret, body))), body);
  }

  private static byte[] hmac(String secret, String content) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return mac.doFinal(content.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every Java runtime has HmacSHA256", e);
    }
  }
}
