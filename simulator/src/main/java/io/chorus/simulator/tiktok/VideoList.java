package io.chorus.simulator.tiktok;

import io.chorus.simulator.record.RecordedPost;
import io.chorus.simulator.record.Recorder;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.Arrays;
import java.util.List;

/**
 * The Display API's {@code POST /v2/video/list/?fields=...}: the token's creator's posts, newest
 * first, {@code max_count} (1 to 20) at a time; {@code cursor} is a unix time in milliseconds and
 * a page holds the posts created before it.
 */
final class VideoList {
  private static final int DEFAULT_COUNT = 10;
  private static final int MAX_COUNT = 20;

  private final Recorder recorder;

  VideoList(Recorder recorder) {
    this.recorder = recorder;
  }

  void handle(RoutingContext ctx, String token) {
    String fieldsParam = ctx.request().getParam("fields");
    JsonObject body = body(ctx);
    if (fieldsParam == null || fieldsParam.isBlank() || body == null) {
      TikTokEnvelope.invalidParams(ctx, "The query parameter fields and a JSON body are required");
      return;
    }
    int count = body.getValue("max_count") instanceof Number n ? n.intValue() : DEFAULT_COUNT;
    if (count < 1 || count > MAX_COUNT) {
      TikTokEnvelope.invalidParams(ctx, "max_count must be between 1 and " + MAX_COUNT);
      return;
    }
    long cursor = body.getValue("cursor") instanceof Number n ? n.longValue() : Long.MAX_VALUE;
    List<String> fields = Arrays.stream(fieldsParam.split(",")).map(String::trim).toList();
    List<RecordedPost> older = recorder.recent("tiktok", token).stream()
        .filter(post -> post.receivedAt().toEpochMilli() < cursor).toList();
    List<RecordedPost> page = older.subList(0, Math.min(count, older.size()));
    JsonArray videos = new JsonArray();
    page.forEach(post -> videos.add(video(post, fields)));
    long next = page.isEmpty() ? cursor : page.get(page.size() - 1).receivedAt().toEpochMilli();
    TikTokEnvelope.ok(ctx, new JsonObject().put("videos", videos)
        .put("cursor", next == Long.MAX_VALUE ? System.currentTimeMillis() : next)
        .put("has_more", older.size() > page.size()));
  }

  private static JsonObject video(RecordedPost post, List<String> fields) {
    JsonObject video = new JsonObject();
    if (fields.contains("id")) {
      video.put("id", post.id());
    }
    if (fields.contains("title")) {
      video.put("title", post.text());
    }
    if (fields.contains("video_description")) {
      video.put("video_description", post.text());
    }
    if (fields.contains("create_time")) {
      video.put("create_time", post.receivedAt().getEpochSecond());
    }
    return video;
  }

  private static JsonObject body(RoutingContext ctx) {
    try {
      JsonObject json = ctx.body().asJsonObject();
      return json == null ? new JsonObject() : json;
    } catch (DecodeException | ClassCastException e) {
      return null;
    }
  }
}
