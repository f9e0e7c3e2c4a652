package io.chorus.simulator.x;

import io.chorus.simulator.engagement.Comment;
import io.chorus.simulator.engagement.CommentStore;
import io.chorus.simulator.engagement.GrowthCurve;
import io.chorus.simulator.record.RecordedPost;
import io.chorus.simulator.record.Recorder;
import io.chorus.simulator.support.Bearer;
import io.chorus.simulator.support.RateWindow;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * X API v2 reads of engagement: the multi-post lookup {@code GET /2/tweets?ids=} with
 * {@code public_metrics} and, for the owner, {@code non_public_metrics}; and a user's mentions
 * timeline {@code GET /2/users/{id}/mentions}, which lists the comments made on the user's posts.
 */
final class XInsights {
  private static final String PROBLEMS = "https://api.twitter.com/2/problems/";
  private static final long FIFTEEN_MINUTES = 15 * 60 * 1000L;
  /** X's documented per-user limits: 5,000 lookups and 300 mentions reads per 15 minutes. */
  private static final int LOOKUPS_PER_WINDOW = 5_000;
  private static final int MENTIONS_PER_WINDOW = 300;
  private static final int MAX_IDS = 100;

  private final Recorder recorder;
  private final RateWindow lookups = new RateWindow(LOOKUPS_PER_WINDOW, FIFTEEN_MINUTES, false);
  private final RateWindow mentions = new RateWindow(MENTIONS_PER_WINDOW, FIFTEEN_MINUTES, false);

  XInsights(Recorder recorder) {
    this.recorder = recorder;
  }

  void reset() {
    lookups.clear();
    mentions.clear();
  }

  void lookup(RoutingContext ctx) {
    String user = Bearer.token(ctx);
    if (user == null) {
      XProblems.unauthorized(ctx);
      return;
    }
    if (!admitted(ctx, lookups, user)) {
      return;
    }
    String idsParam = ctx.request().getParam("ids", "");
    List<String> ids = Arrays.stream(idsParam.split(",")).map(String::trim).filter(id -> !id.isEmpty()).toList();
    if (ids.isEmpty() || ids.size() > MAX_IDS) {
      XProblems.invalid(ctx, "ids", idsParam, "The number of values in the `ids` query parameter list ["
          + ids.size() + "] is not between 1 and " + MAX_IDS);
      return;
    }
    List<String> fields = fields(ctx);
    JsonArray data = new JsonArray();
    JsonArray errors = new JsonArray();
    Instant now = Instant.now();
    for (String id : ids) {
      Optional<RecordedPost> post = recorder.find("x", id);
      if (post.isEmpty()) {
        errors.add(partialError(id, "Not Found Error", "Could not find tweet with ids: [" + id + "].",
            "resource-not-found").put("parameter", "ids").put("value", id));
      } else if (fields.contains("non_public_metrics") && !post.get().account().equals(user)) {
        errors.add(partialError(id, "Field Authorization Error",
            "Sorry, you are not authorized to access 'non_public_metrics' on a Tweet.", "not-authorized-for-field")
            .put("field", "non_public_metrics"));
      } else {
        data.add(tweet(post.get(), fields, now));
      }
    }
    JsonObject body = new JsonObject();
    if (!data.isEmpty()) {
      body.put("data", data);
    }
    if (!errors.isEmpty()) {
      body.put("errors", errors);
    }
    json(ctx, body);
  }

  private JsonObject tweet(RecordedPost post, List<String> fields, Instant now) {
    JsonObject tweet = new JsonObject().put("id", post.id()).put("text", post.text())
        .put("edit_history_tweet_ids", new JsonArray().add(post.id()));
    Duration age = Duration.between(post.receivedAt(), now);
    String id = post.id();
    if (fields.contains("created_at")) {
      tweet.put("created_at", post.receivedAt().toString());
    }
    if (fields.contains("public_metrics")) {
      long replies = GrowthCurve.value(id, "comments", age) + recorder.comments().audienceCount("x", id);
      tweet.put("public_metrics", new JsonObject()
          .put("retweet_count", GrowthCurve.value(id, "shares", age))
          .put("reply_count", replies)
          .put("like_count", GrowthCurve.value(id, "likes", age))
          .put("quote_count", GrowthCurve.value(id, "quotes", age))
          .put("bookmark_count", GrowthCurve.value(id, "bookmarks", age))
          .put("impression_count", GrowthCurve.value(id, "impressions", age)));
    }
    if (fields.contains("non_public_metrics")) {
      tweet.put("non_public_metrics", new JsonObject()
          .put("impression_count", GrowthCurve.value(id, "impressions", age))
          .put("url_link_clicks", GrowthCurve.value(id, "clicks", age))
          .put("user_profile_clicks", GrowthCurve.value(id, "profile_clicks", age)));
    }
    return tweet;
  }

  /** The comments on the user's posts, newest first, as replies that mention the user. */
  void mentions(RoutingContext ctx) {
    String user = Bearer.token(ctx);
    if (user == null) {
      XProblems.unauthorized(ctx);
      return;
    }
    if (!admitted(ctx, mentions, user)) {
      return;
    }
    String sinceId = ctx.request().getParam("since_id");
    CommentStore comments = recorder.comments();
    List<Comment> found = comments.toAccount("x", user).stream()
        .filter(c -> sinceId == null || newer(c.id(), sinceId))
        .sorted((a, b) -> b.createdAt().compareTo(a.createdAt()))
        .toList();
    JsonArray data = new JsonArray();
    JsonArray users = new JsonArray();
    for (Comment comment : found) {
      String repliedTo = comment.parentId() == null ? comment.postId() : comment.parentId();
      String authorId = authorId(comment.author());
      data.add(new JsonObject()
          .put("id", comment.id())
          .put("text", "@" + user + " " + comment.text())
          .put("author_id", authorId)
          .put("created_at", comment.createdAt().toString())
          .put("conversation_id", comment.postId())
          .put("referenced_tweets", new JsonArray().add(new JsonObject().put("type", "replied_to").put("id", repliedTo)))
          .put("edit_history_tweet_ids", new JsonArray().add(comment.id())));
      users.add(new JsonObject().put("id", authorId).put("username", comment.author()).put("name", comment.author()));
    }
    JsonObject meta = new JsonObject().put("result_count", found.size());
    JsonObject body = new JsonObject();
    if (!found.isEmpty()) {
      body.put("data", data).put("includes", new JsonObject().put("users", users));
      meta.put("newest_id", found.get(0).id()).put("oldest_id", found.get(found.size() - 1).id());
    }
    json(ctx, body.put("meta", meta));
  }

  private static boolean newer(String id, String sinceId) {
    try {
      return Long.parseLong(id) > Long.parseLong(sinceId);
    } catch (NumberFormatException e) {
      return true;
    }
  }

  /** A stable numeric user id for a commenter's handle. */
  private static String authorId(String handle) {
    return Long.toString(Math.abs((long) handle.hashCode()) + 1_000_000_000L);
  }

  private static boolean admitted(RoutingContext ctx, RateWindow window, String user) {
    RateWindow.Usage usage = window.consume(user);
    ctx.response()
        .putHeader("x-rate-limit-limit", Integer.toString(usage.limit()))
        .putHeader("x-rate-limit-remaining", Integer.toString(usage.remaining()))
        .putHeader("x-rate-limit-reset", Long.toString(usage.resetAtSeconds()));
    if (!usage.allowed()) {
      XProblems.tooManyRequests(ctx);
    }
    return usage.allowed();
  }

  private static JsonObject partialError(String id, String title, String detail, String kind) {
    return new JsonObject().put("resource_id", id).put("resource_type", "tweet").put("title", title)
        .put("detail", detail).put("type", PROBLEMS + kind);
  }

  private static List<String> fields(RoutingContext ctx) {
    return Arrays.stream(ctx.request().getParam("tweet.fields", "").split(",")).map(String::trim).toList();
  }

  private static void json(RoutingContext ctx, JsonObject body) {
    ctx.response().putHeader("Content-Type", "application/json").end(body.encode());
  }
}
