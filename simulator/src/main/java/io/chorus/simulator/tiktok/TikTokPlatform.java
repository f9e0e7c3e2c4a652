package io.chorus.simulator.tiktok;

import io.chorus.simulator.SimulatorOptions;
import io.chorus.simulator.record.Recorder;
import io.chorus.simulator.support.Bearer;
import io.chorus.simulator.support.Grants;
import io.chorus.simulator.support.Ids;
import io.chorus.simulator.support.RateWindow;
import io.chorus.simulator.support.SimulatedPlatform;
import io.chorus.simulator.support.TokenExchange;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * TikTok Content Posting (creator info, photo and video direct posts pulled from URLs, status
 * polling) and the Display API's list of the creator's videos.
 */
public final class TikTokPlatform implements SimulatedPlatform {

  private static final long ONE_MINUTE = 60 * 1000L;
  /** TikTok's refresh tokens live 365 days. */
  private static final long REFRESH_TOKEN_SECONDS = 365L * 24 * 60 * 60;
  /** The Display API's documented default limit for /v2/video/list/ (and /v2/video/query/, counted together here). */
  private static final int LIST_CALLS_PER_MINUTE = 600;

  private final Router router;
  private final Recorder recorder;
  private final Ids ids;
  private final long processingMs;
  private final List<String> privacyLevelOptions;
  private final RateWindow creatorInfoCalls;
  private final RateWindow initCalls;
  private final RateWindow statusCalls;
  private final RateWindow listCalls = new RateWindow(LIST_CALLS_PER_MINUTE, ONE_MINUTE, false);
  private final Map<String, PublishJob> jobs = new HashMap<>();
  private final Grants grants;

  public TikTokPlatform(Vertx vertx, SimulatorOptions options, Recorder recorder, Ids ids) {
    this.recorder = recorder;
    this.ids = ids;
    this.processingMs = options.getProcessingMs();
    this.privacyLevelOptions = options.getTiktokPrivacyLevelOptions();
    this.creatorInfoCalls = new RateWindow(options.getTiktokCreatorInfoPerMinute(), ONE_MINUTE, false);
    this.initCalls = new RateWindow(options.getTiktokInitsPerMinute(), ONE_MINUTE, false);
    this.statusCalls = new RateWindow(options.getTiktokStatusPerMinute(), ONE_MINUTE, false);
    this.grants = new Grants(options.getAccessTokenTtlSeconds());
    this.router = Router.router(vertx);
    router.route().handler(grants.authenticator(Bearer::raw, TikTokEnvelope::refusedToken));
    router.post("/v2/oauth/token/").handler(new TokenExchange(grants, "client_key", true,
        pair -> pair.put("open_id", "sim-open-id").put("refresh_expires_in", REFRESH_TOKEN_SECONDS)
            .put("scope", "user.info.basic,video.publish,video.list").put("token_type", "Bearer"),
        new JsonObject().put("error", "invalid_grant").put("error_description", "Refresh token is invalid or expired.")
            .put("log_id", "sim")));
    router.post("/v2/post/publish/creator_info/query/").handler(guarded(creatorInfoCalls, this::creatorInfo));
    router.post("/v2/post/publish/content/init/").handler(guarded(initCalls, this::photoInit));
    router.post("/v2/post/publish/video/init/").handler(guarded(initCalls, this::videoInit));
    router.post("/v2/post/publish/status/fetch/").handler(guarded(statusCalls, this::status));
    router.post("/v2/video/list/").handler(guarded(listCalls, new VideoList(recorder)::handle));
    router.post("/v2/video/query/").handler(guarded(listCalls, new VideoQuery(recorder)::handle));
    router.route().handler(TikTokEnvelope::notFound);
  }

  @Override
  public String id() {
    return "tiktok";
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
    grants.clear();
    creatorInfoCalls.clear();
    initCalls.clear();
    statusCalls.clear();
    listCalls.clear();
    jobs.clear();
  }

  /** Checks the token and the endpoint's per-token rate, then hands over the token. */
  private static Handler<RoutingContext> guarded(RateWindow calls, BiConsumer<RoutingContext, String> handler) {
    return ctx -> {
      String token = Bearer.token(ctx);
      if (token == null) {
        TikTokEnvelope.unauthorized(ctx);
      } else if (!calls.consume(token).allowed()) {
        TikTokEnvelope.rateLimited(ctx);
      } else {
        handler.accept(ctx, token);
      }
    };
  }

  private void creatorInfo(RoutingContext ctx, String token) {
    TikTokEnvelope.ok(ctx, new JsonObject()
        .put("creator_avatar_url", "https://p16.tiktokcdn.example/avatar.jpeg")
        .put("creator_username", "simulated_creator")
        .put("creator_nickname", "Simulated Creator")
        .put("privacy_level_options", new JsonArray(privacyLevelOptions))
        .put("comment_disabled", false)
        .put("duet_disabled", false)
        .put("stitch_disabled", false)
        .put("max_video_post_duration_sec", 600));
  }

  private void photoInit(RoutingContext ctx, String token) {
    JsonObject body = jsonBody(ctx);
    String problem = body == null ? "The request body must be a JSON object" : InitRules.photo(body);
    if (answeredProblem(ctx, body, problem)) {
      return;
    }
    JsonObject postInfo = InitRules.object(body, "post_info");
    String description = InitRules.string(postInfo, "description");
    String text = description.isEmpty() ? InitRules.string(postInfo, "title") : description;
    List<String> images = body.getJsonObject("source_info").getJsonArray("photo_images").stream()
        .map(String.class::cast).toList();
    accept(ctx, token, "p_pub_url~v2.", text, images, "photo");
  }

  private void videoInit(RoutingContext ctx, String token) {
    JsonObject body = jsonBody(ctx);
    String problem = body == null ? "The request body must be a JSON object" : InitRules.video(body);
    if (answeredProblem(ctx, body, problem)) {
      return;
    }
    String title = InitRules.string(InitRules.object(body, "post_info"), "title");
    String videoUrl = body.getJsonObject("source_info").getString("video_url");
    accept(ctx, token, "v_pub_url~v2.", title, List.of(videoUrl), "video");
  }

  /** Answers invalid_params or privacy_level_option_mismatch when the init cannot be accepted. */
  private boolean answeredProblem(RoutingContext ctx, JsonObject body, String problem) {
    if (problem != null) {
      TikTokEnvelope.invalidParams(ctx, problem);
      return true;
    }
    if (!InitRules.privacyAccepted(body, privacyLevelOptions)) {
      TikTokEnvelope.error(ctx, 400, "privacy_level_option_mismatch",
          "post_info.privacy_level must be one of the creator's privacy_level_options");
      return true;
    }
    return false;
  }

  private void accept(RoutingContext ctx, String token, String prefix, String text, List<String> media, String kind) {
    String publishId = prefix + ids.next();
    String postId = ids.next();
    jobs.put(publishId, new PublishJob(publishId, token, postId, System.currentTimeMillis() + processingMs));
    recorder.post(id(), token, postId, text, media, kind, null, null);
    TikTokEnvelope.ok(ctx, new JsonObject().put("publish_id", publishId));
  }

  private void status(RoutingContext ctx, String token) {
    JsonObject body = jsonBody(ctx);
    PublishJob job = body == null ? null : jobs.get(InitRules.string(body, "publish_id"));
    if (job == null || !job.token().equals(token)) {
      TikTokEnvelope.invalidParams(ctx, "publish_id does not exist for this user");
      return;
    }
    JsonObject data = new JsonObject().put("uploaded_bytes", 0);
    if (job.complete()) {
      data.put("status", "PUBLISH_COMPLETE").put("downloaded_bytes", 48_000)
          .put("publicaly_available_post_id", new JsonArray().add(job.postId()));
    } else {
      data.put("status", "PROCESSING_DOWNLOAD").put("downloaded_bytes", 0);
    }
    TikTokEnvelope.ok(ctx, data);
  }

  private static JsonObject jsonBody(RoutingContext ctx) {
    try {
      return ctx.body().asJsonObject();
    } catch (DecodeException | ClassCastException e) {
      return null;
    }
  }
}
