package io.chorus.simulator.facebook;

import io.chorus.simulator.engagement.Comment;
import io.chorus.simulator.engagement.CommentRoutes;
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
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A Page post's engagement on the Graph API: {@code /{post-id}/insights} (the metrics that
 * survive the 2025-2026 deprecations), the post's {@code shares} and {@code comments} summary
 * fields, {@code GET /{post-or-comment-id}/comments}, and the Page's reply
 * {@code POST /{comment-id}/comments}.
 */
final class FacebookEngagement {
  private static final String PLATFORM = "facebook";
  private static final String VERSION = "/(v\\d+\\.\\d+)";
  private static final Map<String, String> METRICS = Map.of(
      "post_media_view", "Media views",
      "post_total_media_view_unique", "Total media viewers",
      "post_clicks", "Post clicks",
      "post_reactions_like_total", "Like reactions",
      "post_reactions_by_type_total", "Reactions by type");

  private final Recorder recorder;
  private final Ids ids;

  FacebookEngagement(Recorder recorder, Ids ids) {
    this.recorder = recorder;
    this.ids = ids;
  }

  void mount(Router router) {
    router.getWithRegex(VERSION + "/([^/]+)/insights").handler(this::insights);
    router.getWithRegex(VERSION + "/([^/]+)/comments").handler(this::comments);
    router.postWithRegex(VERSION + "/([^/]+)/comments").handler(this::reply);
    router.getWithRegex(VERSION + "/([0-9]+_[0-9]+)").handler(this::post);
  }

  private void insights(RoutingContext ctx) {
    GraphParams params = GraphParams.of(ctx);
    Optional<RecordedPost> post = authorizedPost(ctx, params);
    if (post.isEmpty()) {
      return;
    }
    String id = post.get().id();
    Duration age = Duration.between(post.get().receivedAt(), Instant.now());
    GraphInsights.answer(ctx, params, id, METRICS, metric -> switch (metric) {
      case "post_media_view" -> GrowthCurve.value(id, "impressions", age);
      case "post_total_media_view_unique" -> GrowthCurve.value(id, "reach", age);
      case "post_clicks" -> GrowthCurve.value(id, "clicks", age);
      case "post_reactions_like_total" -> GrowthCurve.value(id, "likes", age);
      default -> new JsonObject().put("like", GrowthCurve.value(id, "likes", age))
          .put("love", GrowthCurve.value(id, "saves", age));
    });
  }

  /** The post object with the {@code shares} and {@code comments.summary(true)} fields a client asks for. */
  private void post(RoutingContext ctx) {
    GraphParams params = GraphParams.of(ctx);
    Optional<RecordedPost> post = authorizedPost(ctx, params);
    if (post.isEmpty()) {
      return;
    }
    String id = post.get().id();
    String fields = params.get("fields", "");
    Duration age = Duration.between(post.get().receivedAt(), Instant.now());
    JsonObject body = new JsonObject().put("id", id);
    if (fields.contains("shares")) {
      body.put("shares", new JsonObject().put("count", GrowthCurve.value(id, "shares", age)));
    }
    if (fields.contains("comments")) {
      long total = GrowthCurve.value(id, "comments", age) + recorder.comments().audienceCount(PLATFORM, id);
      body.put("comments", new JsonObject().put("data", new JsonArray())
          .put("summary", new JsonObject().put("order", "ranked").put("total_count", total).put("can_comment", true)));
    }
    if (fields.contains("created_time")) {
      body.put("created_time", GraphEdge.time(post.get()));
    }
    GraphErrors.ok(ctx, body);
  }

  /** Comments on a post (top level), or replies to a comment, oldest first. */
  private void comments(RoutingContext ctx) {
    GraphParams params = GraphParams.of(ctx);
    if (params.accessToken(ctx) == null) {
      GraphErrors.missingToken(ctx);
      return;
    }
    String id = ctx.pathParam("param1");
    List<Comment> found;
    if (recorder.find(PLATFORM, id).isPresent()) {
      found = recorder.comments().onPost(PLATFORM, id, false);
    } else if (recorder.comments().find(PLATFORM, id).isPresent()) {
      found = recorder.comments().replies(PLATFORM, id);
    } else {
      GraphErrors.unknownObject(ctx, id);
      return;
    }
    JsonArray data = new JsonArray();
    for (Comment comment : found) {
      data.add(new JsonObject()
          .put("id", comment.id())
          .put("message", comment.text())
          .put("created_time", GraphEdge.GRAPH_TIME.format(comment.createdAt().atOffset(ZoneOffset.UTC)))
          .put("from", new JsonObject().put("name", comment.author()).put("id", comment.byAccount()
              ? comment.account() : Long.toString(Math.abs((long) comment.author().hashCode())))));
    }
    GraphErrors.ok(ctx, new JsonObject().put("data", data));
  }

  /** The Page comments on its post or replies to a comment; Graph threads replies one level deep. */
  private void reply(RoutingContext ctx) {
    GraphParams params = GraphParams.of(ctx);
    if (params.accessToken(ctx) == null) {
      GraphErrors.missingToken(ctx);
      return;
    }
    String message = params.get("message");
    if (message == null) {
      GraphErrors.invalidParameter(ctx, "Missing message or attachment");
      return;
    }
    String target = ctx.pathParam("param1");
    Optional<Comment> parent = recorder.comments().find(PLATFORM, target);
    Optional<RecordedPost> post = parent.isPresent()
        ? recorder.find(PLATFORM, parent.get().postId()) : recorder.find(PLATFORM, target);
    if (post.isEmpty()) {
      GraphErrors.unknownObject(ctx, target);
      return;
    }
    String threadParent = parent.map(c -> c.parentId() == null ? c.id() : c.parentId()).orElse(null);
    String id = CommentRoutes.commentId(ids, PLATFORM, post.get().id());
    recorder.comments().add(PLATFORM, id, post.get().id(), threadParent, post.get().account(), post.get().account(),
        message, true);
    GraphErrors.ok(ctx, new JsonObject().put("id", id));
  }

  private Optional<RecordedPost> authorizedPost(RoutingContext ctx, GraphParams params) {
    if (params.accessToken(ctx) == null) {
      GraphErrors.missingToken(ctx);
      return Optional.empty();
    }
    String id = ctx.pathParam("param1");
    Optional<RecordedPost> post = recorder.find(PLATFORM, id);
    if (post.isEmpty()) {
      GraphErrors.unknownObject(ctx, id);
    }
    return post;
  }
}
