package io.chorus.simulator.x;

import io.chorus.simulator.record.RecordedPost;
import io.chorus.simulator.record.Recorder;
import io.chorus.simulator.support.Bearer;
import io.chorus.simulator.support.Page;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;

/**
 * X API v2 {@code GET /2/users/{id}/tweets}: a user's posts, newest first. The simulator knows
 * users only by their bearer tokens (a token stands for one user), so the timeline is what the
 * calling token posted.
 */
final class UserTimeline {
  private static final int DEFAULT_RESULTS = 10;

  private final Recorder recorder;

  UserTimeline(Recorder recorder) {
    this.recorder = recorder;
  }

  void handle(RoutingContext ctx) {
    String user = Bearer.token(ctx);
    if (user == null) {
      XProblems.unauthorized(ctx);
      return;
    }
    String maxResults = ctx.request().getParam("max_results", String.valueOf(DEFAULT_RESULTS));
    String startTime = ctx.request().getParam("start_time");
    int limit;
    Instant since;
    try {
      limit = Integer.parseInt(maxResults);
    } catch (NumberFormatException e) {
      limit = -1;
    }
    if (limit < 5 || limit > 100) {
      XProblems.invalid(ctx, "max_results", maxResults,
          "The `max_results` query parameter value [" + maxResults + "] is not between 5 and 100");
      return;
    }
    try {
      since = startTime == null ? null : Instant.parse(startTime);
    } catch (DateTimeParseException e) {
      XProblems.invalid(ctx, "start_time", startTime, "Invalid 'start_time':'" + startTime + "'.");
      return;
    }
    Page<RecordedPost> page = Page.of(recorder.recent("x", user), RecordedPost::receivedAt, since,
        ctx.request().getParam("pagination_token"), limit);
    ctx.response().putHeader("Content-Type", "application/json").end(body(page, fields(ctx)).encode());
  }

  private static JsonObject body(Page<RecordedPost> page, List<String> fields) {
    JsonObject meta = new JsonObject().put("result_count", page.items().size());
    JsonObject body = new JsonObject();
    if (!page.items().isEmpty()) {
      JsonArray data = new JsonArray();
      for (RecordedPost post : page.items()) {
        JsonObject tweet = new JsonObject().put("id", post.id()).put("text", post.text())
            .put("edit_history_tweet_ids", new JsonArray().add(post.id()));
        if (fields.contains("created_at")) {
          tweet.put("created_at", post.receivedAt().toString());
        }
        data.add(tweet);
      }
      body.put("data", data);
      meta.put("newest_id", page.items().get(0).id()).put("oldest_id", page.items().get(page.items().size() - 1).id());
    }
    if (page.next() != null) {
      meta.put("next_token", page.next());
    }
    return body.put("meta", meta);
  }

  private static List<String> fields(RoutingContext ctx) {
    return Arrays.stream(ctx.request().getParam("tweet.fields", "").split(",")).map(String::trim).toList();
  }
}
