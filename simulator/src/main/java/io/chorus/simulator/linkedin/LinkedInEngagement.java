package io.chorus.simulator.linkedin;

import io.chorus.simulator.engagement.Comment;
import io.chorus.simulator.engagement.CommentRoutes;
import io.chorus.simulator.engagement.GrowthCurve;
import io.chorus.simulator.record.RecordedPost;
import io.chorus.simulator.record.Recorder;
import io.chorus.simulator.support.Bearer;
import io.chorus.simulator.support.Ids;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * LinkedIn engagement: {@code GET /rest/organizationalEntityShareStatistics} (lifetime
 * statistics of an organization's shares, for {@code shares=List(...)} or the whole
 * organization), and the comments of {@code /rest/socialActions/{urn}/comments} (list, and create
 * as the organization, with {@code parentComment} for a reply).
 */
final class LinkedInEngagement {
  private static final String PLATFORM = "linkedin";

  private final Recorder recorder;
  private final Ids ids;

  LinkedInEngagement(Recorder recorder, Ids ids) {
    this.recorder = recorder;
    this.ids = ids;
  }

  void mount(Router router) {
    router.get("/rest/organizationalEntityShareStatistics").handler(this::statistics);
    router.get("/rest/socialActions/:target/comments").handler(this::comments);
    router.post("/rest/socialActions/:target/comments").handler(this::comment);
  }

  private void statistics(RoutingContext ctx) {
    if (!accepted(ctx)) {
      return;
    }
    String organization = ctx.request().getParam("organizationalEntity", "");
    if (!"organizationalEntity".equals(ctx.request().getParam("q")) || !organization.startsWith("urn:li:organization:")) {
      LinkedInErrors.unprocessable(ctx, "the finder needs q=organizationalEntity and an organization URN as organizationalEntity");
      return;
    }
    List<String> wanted = new ArrayList<>(listParam(ctx.request().getParam("shares")));
    wanted.addAll(listParam(ctx.request().getParam("ugcPosts")));
    JsonArray elements = new JsonArray();
    Instant now = Instant.now();
    if (wanted.isEmpty()) {
      JsonObject total = statistics(recorder.recent(PLATFORM, organization), now);
      elements.add(new JsonObject().put("organizationalEntity", organization).put("totalShareStatistics", total));
    } else {
      for (String urn : wanted) {
        Optional<RecordedPost> post = recorder.find(PLATFORM, urn).filter(p -> p.account().equals(organization));
        post.ifPresent(found -> elements.add(new JsonObject()
            .put("organizationalEntity", organization)
            .put(urn.startsWith("urn:li:ugcPost:") ? "ugcPost" : "share", urn)
            .put("totalShareStatistics", statistics(List.of(found), now))));
      }
    }
    json(ctx, 200, new JsonObject().put("elements", elements)
        .put("paging", new JsonObject().put("start", 0).put("count", 10).put("links", new JsonArray())));
  }

  private JsonObject statistics(List<RecordedPost> posts, Instant now) {
    long impressions = 0, unique = 0, clicks = 0, likes = 0, comments = 0, shares = 0;
    for (RecordedPost post : posts) {
      Duration age = Duration.between(post.receivedAt(), now);
      String id = post.id();
      impressions += GrowthCurve.value(id, "impressions", age);
      unique += GrowthCurve.value(id, "reach", age);
      clicks += GrowthCurve.value(id, "clicks", age);
      likes += GrowthCurve.value(id, "likes", age);
      comments += GrowthCurve.value(id, "comments", age) + recorder.comments().audienceCount(PLATFORM, id);
      shares += GrowthCurve.value(id, "shares", age);
    }
    double engagement = impressions == 0 ? 0 : (double) (clicks + likes + comments + shares) / impressions;
    return new JsonObject().put("impressionCount", impressions).put("uniqueImpressionsCount", unique)
        .put("clickCount", clicks).put("likeCount", likes).put("commentCount", comments)
        .put("shareCount", shares).put("engagement", engagement);
  }

  /** Comments on a share (top level) or on a comment (its replies), oldest first. */
  private void comments(RoutingContext ctx) {
    if (!accepted(ctx)) {
      return;
    }
    String target = ctx.pathParam("target");
    List<Comment> found;
    if (recorder.find(PLATFORM, target).isPresent()) {
      found = recorder.comments().onPost(PLATFORM, target, false);
    } else if (recorder.comments().find(PLATFORM, target).isPresent()) {
      found = recorder.comments().replies(PLATFORM, target);
    } else {
      LinkedInErrors.notFound(ctx);
      return;
    }
    JsonArray elements = new JsonArray();
    found.forEach(comment -> elements.add(element(comment)));
    json(ctx, 200, new JsonObject().put("elements", elements)
        .put("paging", new JsonObject().put("start", 0).put("count", elements.size()).put("total", elements.size())));
  }

  private void comment(RoutingContext ctx) {
    if (!accepted(ctx)) {
      return;
    }
    JsonObject body;
    try {
      body = ctx.body().asJsonObject();
    } catch (DecodeException | ClassCastException e) {
      body = null;
    }
    if (body == null) {
      LinkedInErrors.badBody(ctx);
      return;
    }
    String actor = body.getString("actor", "");
    String text = body.getJsonObject("message", new JsonObject()).getString("text", "");
    if (!actor.startsWith("urn:li:") || text.isBlank()) {
      LinkedInErrors.unprocessable(ctx, "a comment needs an actor URN and message.text");
      return;
    }
    String target = ctx.pathParam("target");
    String parentId = body.getString("parentComment");
    Optional<Comment> parent = parentId == null ? recorder.comments().find(PLATFORM, target)
        : recorder.comments().find(PLATFORM, parentId);
    Optional<RecordedPost> post = parent.isPresent()
        ? recorder.find(PLATFORM, parent.get().postId()) : recorder.find(PLATFORM, target);
    if (post.isEmpty() || (parentId != null && parent.isEmpty())) {
      LinkedInErrors.notFound(ctx);
      return;
    }
    if (!post.get().account().equals(actor)) {
      LinkedInErrors.forbidden(ctx, actor);
      return;
    }
    String id = CommentRoutes.commentId(ids, PLATFORM, post.get().id());
    Comment created = recorder.comments().add(PLATFORM, id, post.get().id(), parent.map(Comment::id).orElse(null),
        actor, actor, text, true);
    ctx.response().putHeader("x-restli-id", id);
    json(ctx, 201, element(created));
  }

  private static JsonObject element(Comment comment) {
    String actor = comment.byAccount() ? comment.account() : "urn:li:person:" + Math.abs(comment.author().hashCode());
    JsonObject element = new JsonObject()
        .put("id", comment.id().substring(comment.id().lastIndexOf(',') + 1).replace(")", ""))
        .put("commentUrn", comment.id())
        .put("actor", actor)
        .put("object", comment.postId())
        .put("message", new JsonObject().put("text", comment.text()))
        .put("created", new JsonObject().put("actor", actor).put("time", comment.createdAt().toEpochMilli()));
    if (comment.parentId() != null) {
      element.put("parentComment", comment.parentId());
    }
    return element;
  }

  /** The URNs of a Rest.li {@code List(a,b)} parameter, already URL-decoded. */
  private static List<String> listParam(String value) {
    if (value == null || !value.startsWith("List(") || !value.endsWith(")")) {
      return List.of();
    }
    String inner = value.substring(5, value.length() - 1);
    return inner.isBlank() ? List.of() : Arrays.stream(inner.split(",")).map(String::trim).toList();
  }

  private static boolean accepted(RoutingContext ctx) {
    if (Bearer.token(ctx) == null) {
      LinkedInErrors.unauthorized(ctx);
      return false;
    }
    return LinkedInPlatform.versionAccepted(ctx) && LinkedInPlatform.protocolAccepted(ctx);
  }

  private static void json(RoutingContext ctx, int status, JsonObject body) {
    ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json").end(body.encode());
  }
}
