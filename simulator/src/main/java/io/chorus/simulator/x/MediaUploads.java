package io.chorus.simulator.x;

import io.chorus.simulator.support.Bearer;
import io.chorus.simulator.support.Ids;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * X API v2 one-shot media upload {@code POST /2/media/upload}: a JSON body with the file
 * base64-encoded in {@code media} and its {@code media_category}. Remembers which user uploaded
 * which id, for how long, so posts can only attach their own unexpired media.
 */
final class MediaUploads {
  private static final long EXPIRES_AFTER_SECS = 86_400;
  private static final Set<String> CATEGORIES = Set.of("tweet_image", "tweet_gif", "tweet_video", "amplify_video",
      "dm_image", "dm_gif", "dm_video", "subtitles");

  private record Uploaded(String user, long expiresAtMillis) {}

  private final Ids ids;
  private final Map<String, Uploaded> uploads = new HashMap<>();

  MediaUploads(Ids ids) {
    this.ids = ids;
  }

  void handle(RoutingContext ctx) {
    String user = Bearer.token(ctx);
    if (user == null) {
      XProblems.unauthorized(ctx);
      return;
    }
    JsonObject body;
    try {
      body = ctx.body().asJsonObject();
    } catch (DecodeException | ClassCastException e) {
      body = null;
    }
    if (body == null || !(body.getValue("media") instanceof String encoded) || encoded.isEmpty()) {
      XProblems.invalid(ctx, "media", "", "The media field is required: the file, base64-encoded.");
      return;
    }
    String category = body.getValue("media_category") instanceof String named ? named : "";
    if (!CATEGORIES.contains(category)) {
      XProblems.invalid(ctx, "media_category", category, "media_category must be one of " + CATEGORIES + ".");
      return;
    }
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(encoded);
    } catch (IllegalArgumentException e) {
      XProblems.invalid(ctx, "media", "", "The media field is not valid base64.");
      return;
    }
    String id = ids.next();
    uploads.put(id, new Uploaded(user, System.currentTimeMillis() + EXPIRES_AFTER_SECS * 1000));
    JsonObject data = new JsonObject().put("id", id).put("media_key", "3_" + id).put("size", bytes.length)
        .put("expires_after_secs", EXPIRES_AFTER_SECS);
    ctx.response().putHeader("Content-Type", "application/json").end(new JsonObject().put("data", data).encode());
  }

  /** Whether every id is media this user uploaded and that has not expired. */
  boolean usable(String user, List<String> mediaIds) {
    long now = System.currentTimeMillis();
    return mediaIds.stream().allMatch(id -> {
      Uploaded uploaded = uploads.get(id);
      return uploaded != null && uploaded.user().equals(user) && uploaded.expiresAtMillis() > now;
    });
  }

  void clear() {
    uploads.clear();
  }
}
