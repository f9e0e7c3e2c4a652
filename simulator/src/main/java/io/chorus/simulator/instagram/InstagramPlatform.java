package io.chorus.simulator.instagram;

import io.chorus.simulator.SimulatorOptions;
import io.chorus.simulator.meta.AppUsage;
import io.chorus.simulator.meta.GraphEdge;
import io.chorus.simulator.meta.GraphErrors;
import io.chorus.simulator.meta.GraphParams;
import io.chorus.simulator.record.Recorder;
import io.chorus.simulator.support.Grants;
import io.chorus.simulator.support.Ids;
import io.chorus.simulator.support.RateWindow;
import io.chorus.simulator.support.SimulatedPlatform;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Instagram Graph content publishing (create an image, reel, story or carousel container, wait
 * for FINISHED, publish within the daily quota; carousel items only inside their carousel) and
 * the user's media list.
 */
public final class InstagramPlatform implements SimulatedPlatform {

  private static final long ONE_DAY = 24 * 60 * 60 * 1000L;
  private static final String VERSION = "/(v\\d+\\.\\d+)";

  private final Router router;
  private final Recorder recorder;
  private final Ids ids;
  private final long processingMs;
  private final AppUsage usage;
  private final Grants grants;
  private final RateWindow publishes;
  private final Map<String, Container> containers = new HashMap<>();

  public InstagramPlatform(Vertx vertx, SimulatorOptions options, Recorder recorder, Ids ids) {
    this.recorder = recorder;
    this.ids = ids;
    this.processingMs = options.getProcessingMs();
    this.usage = new AppUsage(options.getFacebookCallsPerHour(), options.getMetaAppCallsPerHour(), "instagram", 80002);
    this.grants = new Grants(options.getAccessTokenTtlSeconds());
    this.publishes = new RateWindow(options.getInstagramPublishesPerDay(), ONE_DAY, false);
    this.router = Router.router(vertx);
    router.route().handler(grants.authenticator(GraphParams::raw, GraphErrors::refusedToken));
    router.postWithRegex(VERSION + "/([^/]+)/media").handler(this::createContainer);
    router.postWithRegex(VERSION + "/([^/]+)/media_publish").handler(this::publish);
    router.getWithRegex(VERSION + "/([^/]+)/content_publishing_limit").handler(this::publishingLimit);
    router.getWithRegex(VERSION + "/([^/]+)/media").handler(this::listMedia);
    new InstagramEngagement(recorder, ids).mount(router);
    router.getWithRegex(VERSION + "/([^/]+)").handler(this::containerStatus);
    router.route().handler(GraphErrors::notFound);
  }

  @Override
  public String id() {
    return "instagram";
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
    publishes.clear();
    containers.clear();
  }

  private void createContainer(RoutingContext ctx) {
    GraphParams params = GraphParams.of(ctx);
    if (!usage.admit(ctx, params)) {
      return;
    }
    String igUserId = ctx.pathParam("param1");
    String problem = ContainerRules.violation(params, igUserId, containers);
    String caption = params.get("caption", "");
    if (problem == null) {
      problem = CaptionRules.violation(caption);
    }
    if (problem != null) {
      GraphErrors.invalidParameter(ctx, problem);
      return;
    }
    List<String> children = "CAROUSEL".equals(ContainerRules.mediaType(params)) ? ContainerRules.childIds(params) : List.of();
    children.forEach(child -> containers.get(child).markInCarousel());
    Container container = new Container(ids.next(), igUserId, ContainerRules.mediaType(params),
        params.get("image_url", params.get("video_url")), caption, "true".equals(params.get("is_carousel_item")),
        children, processingMs);
    containers.put(container.id, container);
    GraphErrors.ok(ctx, new JsonObject().put("id", container.id));
  }

  private void containerStatus(RoutingContext ctx) {
    GraphParams params = GraphParams.of(ctx);
    if (!usage.admit(ctx, params)) {
      return;
    }
    Container container = containers.get(ctx.pathParam("param1"));
    if (container == null) {
      GraphErrors.unknownObject(ctx, ctx.pathParam("param1"));
      return;
    }
    JsonObject body = new JsonObject();
    for (String field : params.get("fields", "").split(",")) {
      switch (field.trim()) {
        case "status_code" -> body.put("status_code", container.statusCode(containers::get));
        case "status" -> body.put("status", container.status(containers::get));
        default -> { }
      }
    }
    GraphErrors.ok(ctx, body.put("id", container.id));
  }

  private void publish(RoutingContext ctx) {
    GraphParams params = GraphParams.of(ctx);
    if (!usage.admit(ctx, params)) {
      return;
    }
    String igUserId = ctx.pathParam("param1");
    String creationId = params.get("creation_id");
    Container container = creationId == null ? null : containers.get(creationId);
    if (container == null || !container.igUserId.equals(igUserId)) {
      GraphErrors.invalidParameter(ctx, "Param creation_id must be a container created by this account");
    } else if (container.carouselItem) {
      GraphErrors.invalidParameter(ctx, "Param creation_id is a carousel item; publish the CAROUSEL container that holds it");
    } else if (!"FINISHED".equals(container.statusCode(containers::get))) {
      notReady(ctx);
    } else if (!publishes.consume(igUserId).allowed()) {
      quotaReached(ctx);
    } else {
      container.markPublished();
      String mediaId = ids.next();
      List<String> media = container.children.isEmpty()
          ? (container.mediaUrl == null ? List.of() : List.of(container.mediaUrl))
          : container.children.stream().map(child -> containers.get(child).mediaUrl).toList();
      recorder.post(id(), igUserId, mediaId, container.caption, media, container.kind(), null, null);
      GraphErrors.ok(ctx, new JsonObject().put("id", mediaId));
    }
  }

  private void publishingLimit(RoutingContext ctx) {
    GraphParams params = GraphParams.of(ctx);
    if (!usage.admit(ctx, params)) {
      return;
    }
    RateWindow.Usage quota = publishes.peek(ctx.pathParam("param1"));
    JsonObject config = new JsonObject().put("quota_total", quota.limit()).put("quota_duration", ONE_DAY / 1000);
    JsonObject entry = new JsonObject().put("quota_usage", quota.used()).put("config", config);
    GraphErrors.ok(ctx, new JsonObject().put("data", new JsonArray().add(entry)));
  }

  /** An IG user's published media, newest first: only the id unless {@code fields} asks for more. */
  private void listMedia(RoutingContext ctx) {
    GraphParams params = GraphParams.of(ctx);
    if (!usage.admit(ctx, params)) {
      return;
    }
    GraphEdge.answer(ctx, params, recorder.recent(id(), ctx.pathParam("param1")), (post, fields) -> {
      JsonObject item = new JsonObject();
      if (fields.contains("caption") && !post.text().isEmpty()) {
        item.put("caption", post.text());
      }
      if (fields.contains("timestamp")) {
        item.put("timestamp", GraphEdge.time(post));
      }
      if (fields.contains("media_type")) {
        item.put("media_type", switch (post.kind()) {
          case "reel" -> "VIDEO";
          case "carousel" -> "CAROUSEL_ALBUM";
          default -> "IMAGE";
        });
      }
      return item.put("id", post.id());
    });
  }

  private static void notReady(RoutingContext ctx) {
    GraphErrors.send(ctx, 400, GraphErrors.error("Media ID is not available", "OAuthException", 9007)
        .put("error_subcode", 2207027)
        .put("is_transient", false)
        .put("error_user_title", "Media not ready for publishing")
        .put("error_user_msg", "The media is not ready for publishing, please wait for a moment"));
  }

  private static void quotaReached(RoutingContext ctx) {
    GraphErrors.send(ctx, 400, GraphErrors.error("Application request limit reached", "OAuthException", 9)
        .put("error_subcode", 2207042)
        .put("is_transient", false)
        .put("error_user_title", "Publishing limit reached")
        .put("error_user_msg", "This account has reached the limit of posts published through the API in 24 hours."));
  }
}
