package io.chorus.platform.tiktok;

import io.chorus.contracts.ChorusError;
import io.chorus.contracts.ErrorCode;
import io.chorus.contracts.Platform;
import io.chorus.contracts.platform.PostType;
import io.chorus.contracts.platform.PublishRequest;
import io.chorus.platform.PlatformAccount;
import io.chorus.platform.PlatformClient;
import io.chorus.platform.PlatformHttp;
import io.chorus.platform.PlatformSettings;
import io.chorus.platform.Poller;
import io.chorus.platform.PostTypes;
import io.chorus.platform.PublishOptions;
import io.chorus.platform.RecentPages;
import io.chorus.platform.RecentPost;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.WebClient;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Publishes TikTok video and photo posts with the Content Posting API: read the creator's privacy
 * options (posting only with the configured level, and only when the creator offers it), init a
 * direct post pulled from the media URLs, then poll its status until it is complete.
 * Reads the creator's posts back with the Display API's video list.
 */
public final class TikTokClient implements PlatformClient {
  private static final Platform TIKTOK = Platform.TIKTOK;
  /** TikTok takes up to 35 images on one photo post. */
  static final int MAX_PHOTOS = 35;
  private static final int LIST_PAGE_SIZE = 20;

  private final WebClient web;
  private final PlatformSettings settings;
  private final Poller poller;
  private final TikTokTextFitter fitter = new TikTokTextFitter();
  private final PublishOptions options;

  public TikTokClient(Vertx vertx, WebClient web, PlatformSettings settings, PublishOptions options) {
    this.web = web;
    this.settings = settings;
    this.options = options;
    this.poller = new Poller(vertx, settings.pollMs(), settings.pollAttempts());
  }

  @Override
  public Future<String> publish(PlatformAccount account, PublishRequest request) {
    return PostTypes.of(TIKTOK, request).compose(type -> {
      List<String> images = PostTypes.images(request.mediaUrls());
      List<String> videos = PostTypes.videos(request.mediaUrls());
      if (type == PostType.VIDEO && videos.isEmpty()) {
        return Future.failedFuture(PostTypes.missingMedia(TIKTOK, type, request.postId(), "a video").exception());
      }
      if (type == PostType.IMAGE && images.isEmpty()) {
        return Future.failedFuture(PostTypes.missingMedia(TIKTOK, type, request.postId(), "an image").exception());
      }
      return call(account, "creator_info/query/", null)
          .compose(creator -> privacy(creator, request))
          .compose(privacy -> type == PostType.VIDEO
              ? call(account, "video/init/", videoPost(request, videos.get(0), privacy))
              : call(account, "content/init/", photoPost(request, images, privacy)))
          .compose(init -> {
            String publishId = init.getString("publish_id");
            if (publishId == null) {
              return PlatformHttp.unreadable(TIKTOK, "data.publish_id");
            }
            return poller.until(() -> published(account, publishId),
                () -> ChorusError.of(ErrorCode.PLATFORM_UNAVAILABLE,
                    "tiktok publish " + publishId + " not complete after " + settings.pollAttempts() + " checks"));
          });
    });
  }

  /**
   * The configured privacy level when the creator's account offers it. TikTok requires the level
   * to be one the creator allows, so a post is refused rather than published to another audience.
   */
  private Future<String> privacy(JsonObject creator, PublishRequest request) {
    JsonArray offered = creator.getJsonArray("privacy_level_options", new JsonArray());
    if (offered.contains(options.privacyLevel())) {
      return Future.succeededFuture(options.privacyLevel());
    }
    return Future.failedFuture(ChorusError.of(ErrorCode.PLATFORM_REJECTED, "tiktok creator "
        + creator.getString("creator_username", "?") + " does not offer privacy level " + options.privacyLevel()
        + " (platforms.tiktok.privacyLevel), only " + offered.encode() + "; post " + request.postId()
        + " not published").exception());
  }

  private JsonObject photoPost(PublishRequest request, List<String> images, String privacy) {
    return new JsonObject()
        .put("media_type", "PHOTO")
        .put("post_mode", "DIRECT_POST")
        .put("post_info", new JsonObject()
            .put("title", fitter.title(request.text()))
            .put("description", request.text())
            .put("privacy_level", privacy)
            .put("disable_comment", false)
            .put("auto_add_music", true))
        .put("source_info", new JsonObject()
            .put("source", "PULL_FROM_URL")
            .put("photo_images", new JsonArray(images.subList(0, Math.min(MAX_PHOTOS, images.size()))))
            .put("photo_cover_index", 0));
  }

  /** A video's post_info has a title only, of up to 2,200 UTF-16 units: the whole fitted text. */
  private static JsonObject videoPost(PublishRequest request, String videoUrl, String privacy) {
    return new JsonObject()
        .put("post_info", new JsonObject()
            .put("title", request.text())
            .put("privacy_level", privacy)
            .put("disable_duet", false)
            .put("disable_comment", false)
            .put("disable_stitch", false))
        .put("source_info", new JsonObject()
            .put("source", "PULL_FROM_URL")
            .put("video_url", videoUrl));
  }

  /** Present with the post's public id (or the publish id while TikTok has not given one) once complete. */
  private Future<Optional<String>> published(PlatformAccount account, String publishId) {
    return call(account, "status/fetch/", new JsonObject().put("publish_id", publishId))
        .compose(status -> switch (status.getString("status", "")) {
          case "PUBLISH_COMPLETE" -> Future.succeededFuture(Optional.of(postId(status, publishId)));
          case "FAILED" -> PlatformHttp.rejected(TIKTOK, status.getString("fail_reason", "publication failed"));
          default -> Future.succeededFuture(Optional.empty());
        });
  }

  private static String postId(JsonObject status, String publishId) {
    JsonArray ids = status.getJsonArray("publicaly_available_post_id", new JsonArray());
    return ids.isEmpty() ? publishId : String.valueOf(ids.getValue(0));
  }

  @Override
  public Future<List<RecentPost>> recentPosts(PlatformAccount account, Instant since) {
    return RecentPages.collect(cursor -> videoPage(account, cursor), since);
  }

  /** One page of the Display API's {@code POST /v2/video/list/}; the cursor is a time in milliseconds. */
  private Future<RecentPages.Page> videoPage(PlatformAccount account, String cursor) {
    JsonObject body = new JsonObject().put("max_count", LIST_PAGE_SIZE);
    if (cursor != null) {
      body.put("cursor", Long.parseLong(cursor));
    }
    var request = PlatformHttp.authorized(web.postAbs(settings.baseUrl() + "/v2/video/list/"), account, settings)
        .addQueryParam("fields", "id,title,video_description,create_time");
    return envelope(request, body).map(data -> {
      List<RecentPost> posts = new ArrayList<>();
      for (Object item : data.getJsonArray("videos", new JsonArray())) {
        JsonObject video = (JsonObject) item;
        String description = video.getString("video_description", "");
        Long created = video.getLong("create_time");
        posts.add(new RecentPost(String.valueOf(video.getValue("id")),
            description.isEmpty() ? video.getString("title", "") : description,
            created == null ? null : Instant.ofEpochSecond(created)));
      }
      boolean more = data.getBoolean("has_more", false) && data.getValue("cursor") != null;
      return new RecentPages.Page(posts, more ? String.valueOf(data.getValue("cursor")) : null);
    });
  }

  /** Calls a {@code /v2/post/publish/} endpoint and yields the envelope's {@code data}. */
  private Future<JsonObject> call(PlatformAccount account, String path, JsonObject body) {
    return envelope(PlatformHttp.authorized(
        web.postAbs(settings.baseUrl() + "/v2/post/publish/" + path), account, settings), body);
  }

  /** Sends a request and yields the envelope's {@code data}, failing unless its error code is "ok". */
  private Future<JsonObject> envelope(HttpRequest<Buffer> request, JsonObject body) {
    request.putHeader("Content-Type", "application/json; charset=UTF-8");
    return PlatformHttp.checked(TIKTOK, body == null ? request.send() : request.sendJsonObject(body), TikTokErrors.READER)
        .compose(response -> {
          JsonObject envelope = PlatformHttp.json(response);
          JsonObject error = envelope.getJsonObject("error", new JsonObject());
          if (!"ok".equals(error.getString("code"))) {
            // A 200 whose envelope carries an error is classified like any other TikTok error.
            return Future.failedFuture(PlatformHttp.error(TikTokErrors.READER.classify(response.statusCode(), envelope),
                "tiktok answered " + response.statusCode() + ": " + TikTokErrors.READER.message(envelope), 0).exception());
          }
          return Future.succeededFuture(envelope.getJsonObject("data", new JsonObject()));
        });
  }
}
