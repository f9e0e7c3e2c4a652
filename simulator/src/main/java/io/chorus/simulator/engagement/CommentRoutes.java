package io.chorus.simulator.engagement;

import io.chorus.simulator.record.RecordedPost;
import io.chorus.simulator.record.Recorder;
import io.chorus.simulator.support.Ids;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;
import java.util.Set;

/**
 * {@code POST /_simulator/comments} lets a test (or a person trying the demo) comment on a
 * published post as someone from the audience; {@code GET /_simulator/comments?platform=&postId=}
 * lists comments and the replies the accounts published. Comment ids take each platform's shape.
 */
public final class CommentRoutes {
  private static final Set<String> PLATFORMS = Set.of("x", "facebook", "instagram", "linkedin", "tiktok");

  private final Recorder recorder;
  private final Ids ids;

  public CommentRoutes(Recorder recorder, Ids ids) {
    this.recorder = recorder;
    this.ids = ids;
  }

  public void mount(Router router) {
    router.post("/_simulator/comments").handler(this::add);
    router.get("/_simulator/comments").handler(this::list);
  }

  private void add(RoutingContext ctx) {
    JsonObject body;
    try {
      body = ctx.body().asJsonObject();
    } catch (DecodeException | ClassCastException e) {
      body = null;
    }
    if (body == null || !PLATFORMS.contains(body.getString("platform", "")) || body.getString("postId") == null
        || body.getString("text", "").isBlank()) {
      problem(ctx, 400, "a comment needs platform (x, facebook, instagram, linkedin or tiktok), postId and text");
      return;
    }
    String platform = body.getString("platform");
    Optional<RecordedPost> post = recorder.find(platform, body.getString("postId"));
    if (post.isEmpty()) {
      problem(ctx, 404, "no " + platform + " post " + body.getString("postId"));
      return;
    }
    String parentId = body.getString("parentId");
    if (parentId != null && recorder.comments().find(platform, parentId).isEmpty()) {
      problem(ctx, 404, "no " + platform + " comment " + parentId);
      return;
    }
    Comment comment = recorder.comments().add(platform, commentId(platform, post.get().id()), post.get().id(),
        parentId, post.get().account(), body.getString("author", "someone"), body.getString("text"), false);
    ctx.response().setStatusCode(201).putHeader("Content-Type", "application/json").end(comment.toJson().encode());
  }

  private void list(RoutingContext ctx) {
    String postId = ctx.request().getParam("postId");
    JsonArray items = new JsonArray();
    recorder.comments().all(ctx.request().getParam("platform")).stream()
        .filter(c -> postId == null || c.postId().equals(postId))
        .forEach(c -> items.add(c.toJson()));
    ctx.response().putHeader("Content-Type", "application/json").end(new JsonObject().put("items", items).encode());
  }

  /** A new comment id in the platform's shape. */
  String commentId(String platform, String postId) {
    return commentId(ids, platform, postId);
  }

  /**
   * Facebook comment ids are {@code {post}_{comment}}, LinkedIn's are comment URNs on the post's
   * activity, the others are plain numbers.
   */
  public static String commentId(Ids ids, String platform, String postId) {
    return switch (platform) {
      case "facebook" -> postId.substring(postId.indexOf('_') + 1) + "_" + ids.next();
      case "linkedin" -> "urn:li:comment:(urn:li:activity:" + postId.substring(postId.lastIndexOf(':') + 1) + ","
          + ids.next() + ")";
      default -> ids.next();
    };
  }

  private static void problem(RoutingContext ctx, int status, String detail) {
    ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json")
        .end(new JsonObject().put("status", status).put("detail", detail).encode());
  }
}
