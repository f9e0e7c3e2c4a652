package io.chorus.simulator.x;

import io.chorus.simulator.SimulatorOptions;
import io.chorus.simulator.record.RecordedPost;
import io.chorus.simulator.record.Recorder;
import io.chorus.simulator.support.Bearer;
import io.chorus.simulator.support.Ids;
import io.chorus.simulator.support.RateWindow;
import io.chorus.simulator.support.SimulatedPlatform;
import io.vertx.core.Vertx;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * X API v2 post creation (bearer users, weighted length, duplicate detection, 15-minute and daily
 * quotas, replies only to existing posts, media only of the user's own uploads), one-shot media
 * upload, and a user's timeline.
 */
public final class XPlatform implements SimulatedPlatform {

  private static final long FIFTEEN_MINUTES = 15 * 60 * 1000L;
  private static final long ONE_DAY = 24 * 60 * 60 * 1000L;

  private final Router router;
  private final Recorder recorder;
  private final Ids ids;
  private final RateWindow window;
  private final RateWindow day;
  private final XInsights insights;
  /** Texts each user (bearer token) has posted, for X's duplicate-content rule. */
  private final Map<String, Set<String>> textsByUser = new HashMap<>();
  /** Every post id created, so replies can only answer a post that exists. */
  private final MediaUploads media;

  public XPlatform(Vertx vertx, SimulatorOptions options, Recorder recorder, Ids ids) {
    this.recorder = recorder;
    this.ids = ids;
    this.window = new RateWindow(options.getXPostsPer15Min(), FIFTEEN_MINUTES, false);
    this.day = new RateWindow(options.getXPostsPerDay(), ONE_DAY, false);
    this.media = new MediaUploads(ids);
    this.insights = new XInsights(recorder);
    this.router = Router.router(vertx);
    router.post("/2/tweets").handler(this::createPost);
    router.post("/2/media/upload").handler(media::handle);
    router.get("/2/users/:id/tweets").handler(new UserTimeline(recorder)::handle);
    router.get("/2/tweets").handler(insights::lookup);
    router.get("/2/users/:id/mentions").handler(insights::mentions);
    router.route().handler(XProblems::notFound);
  }

  @Override
  public String id() {
    return "x";
  }

  @Override
  public Router router() {
    return router;
  }

  @Override
  public void reset() {
    window.clear();
    day.clear();
    textsByUser.clear();
    media.clear();
    insights.reset();
  }

  private void createPost(RoutingContext ctx) {
    String user = Bearer.token(ctx);
    if (user == null) {
      XProblems.unauthorized(ctx);
      return;
    }
    RateWindow.Usage inWindow = window.consume(user);
    RateWindow.Usage inDay = inWindow.allowed() ? day.consume(user) : day.peek(user);
    XProblems.rateHeaders(ctx.response(), inWindow, inDay);
    if (!inWindow.allowed() || !inDay.allowed()) {
      XProblems.tooManyRequests(ctx);
      return;
    }
    JsonObject body = jsonBody(ctx);
    if (body == null) {
      return;
    }
    String text = TweetRules.text(body);
    TweetRules.Violation violation = TweetRules.check(body);
    List<String> mediaIds = TweetRules.mediaIds(body);
    String inReplyTo = TweetRules.inReplyTo(body);
    if (violation != null) {
      XProblems.invalid(ctx, violation.parameter(), violation.value(), violation.message());
    } else if (!media.usable(user, mediaIds)) {
      XProblems.invalid(ctx, "media.media_ids", String.join(",", mediaIds), "Your media IDs are invalid.");
    } else if (!replyTargetVisible(inReplyTo)) {
      XProblems.replyTargetGone(ctx);
    } else if (!text.isEmpty() && !textsByUser.computeIfAbsent(user, u -> new HashSet<>()).add(text)) {
      XProblems.duplicate(ctx);
    } else {
      created(ctx, user, text, inReplyTo, mediaIds);
    }
  }

  private boolean replyTargetVisible(String target) {
    return target == null || recorder.find(id(), target).isPresent() || recorder.comments().find(id(), target).isPresent();
  }

  private void created(RoutingContext ctx, String user, String text, String inReplyTo, List<String> mediaIds) {
    String id = ids.next();
    String kind = inReplyTo != null ? "reply" : mediaIds.isEmpty() ? RecordedPost.POST : "image";
    // Media ids are not URLs, so X posts are recorded without media URLs.
    recorder.post(id(), user, id, text, List.of(), kind, inReplyTo, null);
    if (inReplyTo != null) {
      String thread = recorder.comments().find(id(), inReplyTo).map(c -> c.postId()).orElse(inReplyTo);
      recorder.comments().add(id(), id, thread, inReplyTo, user, user, text, true);
    }
    JsonObject data = new JsonObject().put("id", id).put("text", text)
        .put("edit_history_tweet_ids", new JsonArray().add(id));
    ctx.response().setStatusCode(201).putHeader("Content-Type", "application/json")
        .end(new JsonObject().put("data", data).encode());
  }

  /** The JSON body, or null after answering 400 when it is missing or malformed. */
  private static JsonObject jsonBody(RoutingContext ctx) {
    try {
      JsonObject body = ctx.body().asJsonObject();
      if (body != null) {
        return body;
      }
    } catch (DecodeException | ClassCastException e) {
      // answered below, as X does for any unreadable body
    }
    XProblems.invalid(ctx, "body", ctx.body().asString(""), "Request body must be a JSON object.");
    return null;
  }
}
