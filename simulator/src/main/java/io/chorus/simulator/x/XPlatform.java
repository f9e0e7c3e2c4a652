package io.chorus.simulator.x;

import io.chorus.simulator.SimulatorOptions;
import io.chorus.simulator.record.RecordedPost;
import io.chorus.simulator.record.Recorder;
import io.chorus.simulator.support.Bearer;
import io.chorus.simulator.support.Grants;
import io.chorus.simulator.support.Ids;
import io.chorus.simulator.support.RateWindow;
import io.chorus.simulator.support.SimulatedPlatform;
import io.chorus.simulator.support.TokenExchange;
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
 * X API v2 post creation (bearer users, weighted length, duplicate detection, the user's
 * 15-minute and 24-hour quotas and the app's 24-hour quota, replies only to existing posts, media
 * only of the user's own uploads), one-shot media upload, a user's timeline, and the OAuth 2.0
 * token endpoint with expiring access tokens and rotating refresh tokens.
 */
public final class XPlatform implements SimulatedPlatform {

  private static final long ONE_DAY = 24 * 60 * 60 * 1000L;
  /** The whole app's posts share one 24-hour window. */
  private static final String APP = "app";

  private final Router router;
  private final Recorder recorder;
  private final Ids ids;
  private final RateWindow window;
  private final RateWindow day;
  private final XInsights insights;
  private final RateWindow appDay;
  private final Grants grants;
  /** Texts each user (bearer token) has posted, for X's duplicate-content rule. */
  private final Map<String, Set<String>> textsByUser = new HashMap<>();
  /** Every post id created, so replies can only answer a post that exists. */
  private final MediaUploads media;

  public XPlatform(Vertx vertx, SimulatorOptions options, Recorder recorder, Ids ids) {
    this.recorder = recorder;
    this.ids = ids;
    this.window = new RateWindow(options.getXPostsPer15Min(), options.getXWindowSeconds() * 1000L, false);
    this.day = new RateWindow(options.getXPostsPerDay(), ONE_DAY, false);
    this.media = new MediaUploads(ids);
    this.insights = new XInsights(recorder);
    this.appDay = new RateWindow(options.getXAppPostsPerDay(), ONE_DAY, false);
    this.grants = new Grants(options.getAccessTokenTtlSeconds());
    this.router = Router.router(vertx);
    router.route().handler(grants.authenticator(Bearer::raw, (ctx, refusal) -> XProblems.unauthorized(ctx)));
    router.post("/2/oauth2/token").handler(new TokenExchange(grants, "client_id", false,
        pair -> pair.put("token_type", "bearer").put("scope", "tweet.read tweet.write users.read offline.access"),
        new JsonObject().put("error", "invalid_request").put("error_description", "Value passed for the token was invalid.")));
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
  public Grants grants() {
    return grants;
  }

  @Override
  public void reset() {
    window.clear();
    day.clear();
    appDay.clear();
    grants.clear();
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
    // A refused call counts against none of the windows, as each window only counts posts made.
    RateWindow.Usage inApp = appDay.peek(APP);
    RateWindow.Usage inDay = day.peek(user);
    RateWindow.Usage inWindow = inApp.allowed() && inDay.allowed() ? window.consume(user) : window.peek(user);
    if (inApp.allowed() && inDay.allowed() && inWindow.allowed()) {
      inDay = day.consume(user);
      inApp = appDay.consume(APP);
    }
    XProblems.rateHeaders(ctx.response(), inWindow, inDay, inApp);
    if (!inWindow.allowed() || !inDay.allowed() || !inApp.allowed()) {
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
