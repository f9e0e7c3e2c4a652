package io.chorus.platform.instagram;

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
import io.chorus.platform.RecentPost;
import io.chorus.platform.facebook.GraphError;
import io.chorus.platform.facebook.GraphFeed;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Publishes to Instagram with the Graph API's three steps: create a media container (an image,
 * a reel from a video, a story, or a carousel made of child containers), wait until it is
 * FINISHED, then publish it. Reads the account's media back from {@code /{ig-user-id}/media}.
 */
public final class InstagramClient implements PlatformClient {
  private static final Platform IG = Platform.INSTAGRAM;
  /** Instagram's bounds on the items of one carousel. */
  static final int MIN_CAROUSEL_ITEMS = 2;
  static final int MAX_CAROUSEL_ITEMS = 10;

  private final WebClient web;
  private final PlatformSettings settings;
  private final Poller poller;
  private final GraphFeed media;

  public InstagramClient(Vertx vertx, WebClient web, PlatformSettings settings) {
    this.web = web;
    this.settings = settings;
    this.poller = new Poller(vertx, settings.pollMs(), settings.pollAttempts());
    Objects.requireNonNull(settings.apiVersion(), "platforms.instagram.apiVersion is missing");
    this.media = new GraphFeed(IG, web, settings, "caption", "timestamp");
  }

  @Override
  public Future<String> publish(PlatformAccount account, PublishRequest request) {
    return PostTypes.of(IG, request)
        .compose(type -> container(account, request, type))
        .compose(container -> ready(account, container).compose(done -> publishContainer(account, container)));
  }

  @Override
  public Future<List<RecentPost>> recentPosts(PlatformAccount account, Instant since) {
    return media.recent(account, "media", since);
  }

  /** Creates the container the post type calls for; yields its id. */
  private Future<String> container(PlatformAccount account, PublishRequest request, PostType type) {
    List<String> images = PostTypes.images(request.mediaUrls());
    List<String> videos = PostTypes.videos(request.mediaUrls());
    MultiMap form = MultiMap.caseInsensitiveMultiMap();
    switch (type) {
      case CAROUSEL -> {
        if (images.size() < MIN_CAROUSEL_ITEMS) {
          return missing(request, type, MIN_CAROUSEL_ITEMS + " to " + MAX_CAROUSEL_ITEMS + " images");
        }
        return carousel(account, request, images.subList(0, Math.min(MAX_CAROUSEL_ITEMS, images.size())));
      }
      case REEL -> {
        if (videos.isEmpty()) {
          return missing(request, type, "a video");
        }
        form.add("media_type", "REELS").add("video_url", videos.get(0)).add("caption", request.text())
            .add("share_to_feed", "true");
      }
      case STORY -> {
        if (request.mediaUrls().isEmpty()) {
          return missing(request, type, "an image or a video");
        }
        // Stories carry no caption: what they say is in the image or video.
        form.add("media_type", "STORIES")
            .add(images.isEmpty() ? "video_url" : "image_url", images.isEmpty() ? videos.get(0) : images.get(0));
      }
      default -> {
        if (images.isEmpty()) {
          return missing(request, type, "an image");
        }
        form.add("image_url", images.get(0)).add("caption", request.text());
      }
    }
    return createContainer(account, form);
  }

  /** A carousel: one child container per image, then the CAROUSEL container that holds them in order. */
  private Future<String> carousel(PlatformAccount account, PublishRequest request, List<String> images) {
    List<Future<String>> children = images.stream()
        .map(image -> createContainer(account, MultiMap.caseInsensitiveMultiMap()
            .add("image_url", image).add("is_carousel_item", "true")))
        .toList();
    return Future.all(children).compose(created -> createContainer(account, MultiMap.caseInsensitiveMultiMap()
        .add("media_type", "CAROUSEL")
        .add("children", String.join(",", created.<String>list()))
        .add("caption", request.text())));
  }

  private Future<String> createContainer(PlatformAccount account, MultiMap form) {
    return PlatformHttp.checked(IG,
            PlatformHttp.authorized(web.postAbs(url(account.externalId() + "/media")), account, settings).sendForm(form),
            GraphError.READER)
        .compose(response -> id(PlatformHttp.json(response), "container id"));
  }

  private Future<String> ready(PlatformAccount account, String container) {
    return poller.until(() -> finished(account, container),
        () -> ChorusError.of(ErrorCode.PLATFORM_UNAVAILABLE,
            "instagram container " + container + " not ready after " + settings.pollAttempts() + " checks"));
  }

  /** Present once the container can be published; fails when Instagram gave up on it. */
  private Future<Optional<String>> finished(PlatformAccount account, String container) {
    return PlatformHttp.checked(IG,
            PlatformHttp.authorized(web.getAbs(url(container)), account, settings)
                .addQueryParam("fields", "status_code,status")
                .send(),
            GraphError.READER)
        .compose(response -> {
          JsonObject status = PlatformHttp.json(response);
          String code = status.getString("status_code", "");
          return switch (code) {
            case "FINISHED" -> Future.succeededFuture(Optional.of(container));
            case "ERROR", "EXPIRED", "PUBLISHED" -> PlatformHttp.rejected(IG,
                "container " + container + " is " + code + ": " + status.getString("status", ""));
            default -> Future.succeededFuture(Optional.empty());
          };
        });
  }

  private Future<String> publishContainer(PlatformAccount account, String container) {
    return PlatformHttp.checked(IG,
            PlatformHttp.authorized(web.postAbs(url(account.externalId() + "/media_publish")), account, settings)
                .addQueryParam("creation_id", container)
                .send(),
            GraphError.READER)
        .compose(response -> id(PlatformHttp.json(response), "media id"));
  }

  private String url(String path) {
    return settings.baseUrl() + "/" + settings.apiVersion() + "/" + path;
  }

  private static <T> Future<T> missing(PublishRequest request, PostType type, String needs) {
    return Future.failedFuture(PostTypes.missingMedia(IG, type, request.postId(), needs).exception());
  }

  private static Future<String> id(JsonObject body, String what) {
    String id = body.getString("id");
    return id == null ? PlatformHttp.unreadable(IG, what) : Future.succeededFuture(id);
  }
}
