package io.chorus.simulator.tiktok;

import io.chorus.simulator.engagement.GrowthCurve;
import io.chorus.simulator.record.RecordedPost;
import io.chorus.simulator.record.Recorder;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The Display API's {@code POST /v2/video/query/?fields=...} with {@code {"filters":{"video_ids":[...]}}}
 * (at most 20): the caller's own videos among those ids, with their counts. Ids the caller does
 * not own, or that do not exist, are simply left out, as TikTok does.
 */
final class VideoQuery {
  private static final int MAX_IDS = 20;

  private final Recorder recorder;

  VideoQuery(Recorder recorder) {
    this.recorder = recorder;
  }

  void handle(RoutingContext ctx, String token) {
    String fieldsParam = ctx.request().getParam("fields");
    JsonObject body = body(ctx);
    JsonArray ids = body == null ? null : body.getJsonObject("filters", new JsonObject()).getJsonArray("video_ids");
    if (fieldsParam == null || fieldsParam.isBlank() || ids == null) {
      TikTokEnvelope.invalidParams(ctx, "The query parameter fields and filters.video_ids in the body are required");
      return;
    }
    if (ids.isEmpty() || ids.size() > MAX_IDS) {
      TikTokEnvelope.invalidParams(ctx, "filters.video_ids must hold between 1 and " + MAX_IDS + " ids");
      return;
    }
    List<String> fields = Arrays.stream(fieldsParam.split(",")).map(String::trim).toList();
    JsonArray videos = new JsonArray();
    Instant now = Instant.now();
    for (Object id : ids) {
      Optional<RecordedPost> video = recorder.find("tiktok", String.valueOf(id)).filter(v -> v.account().equals(token));
      video.ifPresent(found -> videos.add(video(found, fields, now)));
    }
    TikTokEnvelope.ok(ctx, new JsonObject().put("videos", videos).put("cursor", 0).put("has_more", false));
  }

  private JsonObject video(RecordedPost post, List<String> fields, Instant now) {
    Duration age = Duration.between(post.receivedAt(), now);
    String id = post.id();
    JsonObject video = new JsonObject();
    putIf(video, fields, "id", id);
    putIf(video, fields, "create_time", post.receivedAt().getEpochSecond());
    putIf(video, fields, "title", post.text());
    putIf(video, fields, "video_description", post.text());
    putIf(video, fields, "like_count", GrowthCurve.value(id, "likes", age));
    putIf(video, fields, "comment_count",
        GrowthCurve.value(id, "comments", age) + recorder.comments().audienceCount("tiktok", id));
    putIf(video, fields, "share_count", GrowthCurve.value(id, "shares", age));
    putIf(video, fields, "view_count", GrowthCurve.value(id, "views", age));
    return video;
  }

  private static void putIf(JsonObject video, List<String> fields, String field, Object value) {
    if (fields.contains(field)) {
      video.put(field, value);
    }
  }

  private static JsonObject body(RoutingContext ctx) {
    try {
      return ctx.body().asJsonObject();
    } catch (DecodeException | ClassCastException e) {
      return null;
    }
  }
}
