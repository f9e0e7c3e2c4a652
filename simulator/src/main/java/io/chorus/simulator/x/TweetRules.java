package io.chorus.simulator.x;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/** The create-post body rules X enforces before looking at duplicates. */
final class TweetRules {

  /** The parameter at fault, its value and why, for the problem document's errors list. */
  record Violation(String parameter, String value, String message) {
  }

  private static final int MAX_MEDIA = 4;

  private TweetRules() {
  }

  /** The first rule the body breaks, or null when it may be posted. */
  static Violation check(JsonObject body) {
    String text = text(body);
    Object media = body.getValue("media");
    Object reply = body.getValue("reply");
    if (media != null && !(media instanceof JsonObject)) {
      return new Violation("media", String.valueOf(media), "media must be an object with media_ids.");
    }
    JsonArray mediaIds = media == null ? new JsonArray()
        : ((JsonObject) media).getValue("media_ids") instanceof JsonArray ids ? ids : new JsonArray();
    if (text.isEmpty() && mediaIds.isEmpty()) {
      return new Violation("text", text, "One of text or media is required.");
    }
    if (media != null && (mediaIds.isEmpty() || mediaIds.size() > MAX_MEDIA)) {
      return new Violation("media.media_ids", String.valueOf(media),
          "media_ids must hold 1 to " + MAX_MEDIA + " ids.");
    }
    if (reply != null && !(reply instanceof JsonObject replyTo
        && replyTo.getValue("in_reply_to_tweet_id") instanceof String)) {
      return new Violation("reply.in_reply_to_tweet_id", String.valueOf(reply),
          "reply.in_reply_to_tweet_id is required in reply.");
    }
    if (TweetLength.weighted(text) > TweetLength.MAX_WEIGHTED_LENGTH) {
      return new Violation("text", text, "The text of your post is too long.");
    }
    return null;
  }

  /** The media ids of a body that passed {@link #check}. */
  static List<String> mediaIds(JsonObject body) {
    if (!(body.getValue("media") instanceof JsonObject media) || !(media.getValue("media_ids") instanceof JsonArray ids)) {
      return List.of();
    }
    return ids.stream().map(String::valueOf).toList();
  }

  /** The post a body that passed {@link #check} replies to, or null. */
  static String inReplyTo(JsonObject body) {
    return body.getValue("reply") instanceof JsonObject reply ? reply.getString("in_reply_to_tweet_id") : null;
  }

  static String text(JsonObject body) {
    return body.getValue("text") instanceof String text ? text : "";
  }
}
