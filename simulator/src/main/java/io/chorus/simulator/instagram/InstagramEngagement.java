package io.chorus.simulator.instagram;

import io.chorus.simulator.engagement.Comment;
import io.chorus.simulator.engagement.GrowthCurve;
import io.chorus.simulator.meta.GraphEdge;
import io.chorus.simulator.meta.GraphErrors;
import io.chorus.simulator.meta.GraphInsights;
import io.chorus.simulator.meta.GraphParams;
import io.chorus.simulator.record.RecordedPost;
import io.chorus.simulator.record.Recorder;
import io.chorus.simulator.support.Ids;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;

/**
 * Instagram media engagement on the Graph API: {@code /{media-id}/insights} with the metrics
 * current since v22 ({@code impressions}, {@code plays} and {@code video_views} are refused like
 * any unknown metric), {@code GET /{media-id}/comments}, and {@code POST /{comment-id}/replies},
 * which threads a reply to a reply under the top-level comment, as Instagram does.
 */
final class InstagramEngagement {
  private static final String PLATFORM = "instagram";
  private static final String VERSION = "/(v\\d+\\.\\d+)";
  private static final Map<String, String> METRICS = Map.of(
      "views", "Views",
      "reach", "Accounts reached",
      "likes", "Likes",
      "comments", "Comments",
      "shares", "Shares",
      "saved", "Saved",
      "total_interactions", "Interactions");

  private final Recorder recorder;
  private final Ids ids;

  InstagramEngagement(Recorder recorder, Ids ids) {
    this.recorder = recorder;
    this.ids = ids;
  }

  void mount(Router router) {
    router.getWithRegex(VERSION + "/([^/]+)/insights").handler(this::insights);
    router.getWithRegex(VERSION + "/([^/]+)/comments").handler(this::comments);
    router.postWithRegex(VERSION + "/([^/]+)/replies").handler(this::reply);
  }

  private void insights(RoutingContext ctx) {
    GraphParams params = GraphParams.of(ctx);
    Optional<RecordedPost> media = media(ctx, params);
    if (media.isEmpty()) {
      return;
    }
    String id = media.get().id();
    Duration age = Duration.between(media.get().receivedAt(), Instant.now());
    long comments = GrowthCurve.value(id, "comments", age) + recorder.comments().audienceCount(PLATFORM, id);
    GraphInsights.answer(ctx, params, id, METRICS, metric -> switch (metric) {
      case "views" -> GrowthCurve.value(id, "views", age);
      case "reach" -> GrowthCurve.value(id, "reach", age);
      case "likes" -> GrowthCurve.value(id, "likes", age);
      case "comments" -> comments;
      case "shares" -> GrowthCurve.value(id, "shares", age);
      case "saved" -> GrowthCurve.value(id, "saves", age);
      default -> GrowthCurve.value(id, "likes", age) + comments + GrowthCurve.value(id, "shares", age)
          + GrowthCurve.value(id, "saves", age);
    });
  }

  /** Top-level comments on a media, oldest first, with id, text, username and timestamp. */
  private void comments(RoutingContext ctx) {
    GraphParams params = GraphParams.of(ctx);
    Optional<RecordedPost> media = media(ctx, params);
    if (media.isEmpty()) {
      return;
    }
    JsonArray data = new JsonArray();
    for (Comment comment : recorder.comments().onPost(PLATFORM, media.get().id(), false)) {
      data.add(new JsonObject()
          .put("id", comment.id())
          .put("text", comment.text())
          .put("username", comment.author())
          .put("timestamp", GraphEdge.GRAPH_TIME.format(comment.createdAt().atOffset(ZoneOffset.UTC))));
    }
    GraphErrors.ok(ctx, new JsonObject().put("data", data));
  }

  private void reply(RoutingContext ctx) {
    GraphParams params = GraphParams.of(ctx);
    if (params.accessToken(ctx) == null) {
      GraphErrors.missingToken(ctx);
      return;
    }
    String message = params.get("message");
    if (message == null) {
      GraphErrors.invalidParameter(ctx, "The parameter message is required");
      return;
    }
    String target = ctx.pathParam("param1");
    Optional<Comment> parent = recorder.comments().find(PLATFORM, target);
    if (parent.isEmpty()) {
      GraphErrors.unknownObject(ctx, target);
      return;
    }
    Comment topLevel = parent.get().parentId() == null ? parent.get()
        : recorder.comments().find(PLATFORM, parent.get().parentId()).orElse(parent.get());
    String id = ids.next();
    recorder.comments().add(PLATFORM, id, topLevel.postId(), topLevel.id(), topLevel.account(), topLevel.account(),
        message, true);
    GraphErrors.ok(ctx, new JsonObject().put("id", id));
  }

  private Optional<RecordedPost> media(RoutingContext ctx, GraphParams params) {
    if (params.accessToken(ctx) == null) {
      GraphErrors.missingToken(ctx);
      return Optional.empty();
    }
    String id = ctx.pathParam("param1");
    Optional<RecordedPost> media = recorder.find(PLATFORM, id);
    if (media.isEmpty()) {
      GraphErrors.unknownObject(ctx, id);
    }
    return media;
  }
}
