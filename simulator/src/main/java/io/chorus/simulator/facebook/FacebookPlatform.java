package io.chorus.simulator.facebook;

import io.chorus.simulator.SimulatorOptions;
import io.chorus.simulator.meta.AppUsage;
import io.chorus.simulator.meta.GraphEdge;
import io.chorus.simulator.meta.GraphErrors;
import io.chorus.simulator.meta.GraphParams;
import io.chorus.simulator.record.RecordedPost;
import io.chorus.simulator.record.Recorder;
import io.chorus.simulator.support.Grants;
import io.chorus.simulator.support.Ids;
import io.chorus.simulator.support.SimulatedPlatform;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Facebook Graph Pages publishing: feed posts (with scheduling) and photo posts, and the Page's feed. */
public final class FacebookPlatform implements SimulatedPlatform {

  private static final long MIN_SCHEDULE_SECONDS = 10 * 60;
  private static final long MAX_SCHEDULE_SECONDS = 30 * 24 * 60 * 60;

  private final Router router;
  private final Recorder recorder;
  private final Ids ids;
  private final AppUsage usage;
  private final Grants grants;
  /** page id + message + link already posted, for Graph's duplicate-post error (code 506). */
  private final Set<String> posted = new HashSet<>();

  public FacebookPlatform(Vertx vertx, SimulatorOptions options, Recorder recorder, Ids ids) {
    this.recorder = recorder;
    this.ids = ids;
    this.usage = new AppUsage(options.getFacebookCallsPerHour(), options.getMetaAppCallsPerHour(), "pages", 80001);
    this.grants = new Grants(options.getAccessTokenTtlSeconds());
    this.router = Router.router(vertx);
    router.route().handler(grants.authenticator(GraphParams::raw, GraphErrors::refusedToken));
    router.postWithRegex("/(v\\d+\\.\\d+)/([^/]+)/feed").handler(this::feed);
    router.postWithRegex("/(v\\d+\\.\\d+)/([^/]+)/photos").handler(this::photo);
    router.getWithRegex("/(v\\d+\\.\\d+)/([^/]+)/(feed|published_posts)").handler(this::listFeed);
    new FacebookEngagement(recorder, ids).mount(router);
    router.route().handler(GraphErrors::notFound);
  }

  @Override
  public String id() {
    return "facebook";
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
    usage.clear();
    grants.clear();
    posted.clear();
  }

  private void feed(RoutingContext ctx) {
    GraphParams params = GraphParams.of(ctx);
    if (!usage.admit(ctx, params)) {
      return;
    }
    String pageId = ctx.pathParam("param1");
    String message = params.get("message");
    String link = params.get("link");
    if (message == null && link == null) {
      GraphErrors.invalidParameter(ctx, "Missing message or link");
      return;
    }
    String scheduleError = scheduleError(params);
    if (scheduleError != null) {
      GraphErrors.invalidParameter(ctx, scheduleError);
    } else if (!posted.add(pageId + "\n" + message + "\n" + link)) {
      GraphErrors.send(ctx, 400, GraphErrors.error("(#506) Duplicate status message", "OAuthException", 506));
    } else {
      String postId = pageId + "_" + ids.next();
      String scheduled = params.get("scheduled_publish_time");
      // A scheduled post stays off the Page's feed until Facebook publishes it at its time.
      Instant publishAt = scheduled == null ? null : Instant.ofEpochSecond(Long.parseLong(scheduled));
      String kind = publishAt != null ? "scheduled" : link != null ? "link" : RecordedPost.POST;
      recorder.post(id(), pageId, postId, message == null ? "" : message, link == null ? List.of() : List.of(link),
          kind, null, publishAt);
      GraphErrors.ok(ctx, new JsonObject().put("id", postId));
    }
  }

  private void photo(RoutingContext ctx) {
    GraphParams params = GraphParams.of(ctx);
    if (!usage.admit(ctx, params)) {
      return;
    }
    String url = params.get("url");
    if (url == null) {
      GraphErrors.invalidParameter(ctx, "The parameter url or source is required");
      return;
    }
    String pageId = ctx.pathParam("param1");
    String photoId = ids.next();
    String postId = pageId + "_" + ids.next();
    recorder.post(id(), pageId, postId, params.get("message", params.get("caption", "")), List.of(url), "photo",
        null, null);
    GraphErrors.ok(ctx, new JsonObject().put("id", photoId).put("post_id", postId));
  }

  /** A Page's feed (or its published posts), newest first: id, message and created_time by default. */
  private void listFeed(RoutingContext ctx) {
    GraphParams params = GraphParams.of(ctx);
    if (!usage.admit(ctx, params)) {
      return;
    }
    GraphEdge.answer(ctx, params, recorder.recent(id(), ctx.pathParam("param1")), (post, fields) -> {
      JsonObject item = new JsonObject();
      boolean defaults = fields.equals(List.of(""));
      if (defaults || fields.contains("created_time")) {
        item.put("created_time", GraphEdge.time(post));
      }
      if ((defaults || fields.contains("message")) && !post.text().isEmpty()) {
        item.put("message", post.text());
      }
      return item.put("id", post.id());
    });
  }

  /** Scheduling needs published=false and a unix time 10 minutes to 30 days ahead; null when fine. */
  private static String scheduleError(GraphParams params) {
    String scheduled = params.get("scheduled_publish_time");
    if (scheduled == null) {
      return null;
    }
    if (!"false".equalsIgnoreCase(params.get("published", "true"))) {
      return "Scheduled posts must be unpublished (published=false)";
    }
    long at;
    try {
      at = Long.parseLong(scheduled);
    } catch (NumberFormatException e) {
      return "Param scheduled_publish_time must be a unix timestamp";
    }
    long ahead = at - Instant.now().getEpochSecond();
    if (ahead < MIN_SCHEDULE_SECONDS || ahead > MAX_SCHEDULE_SECONDS) {
      return "The specified scheduled publish time is invalid.";
    }
    return null;
  }
}
