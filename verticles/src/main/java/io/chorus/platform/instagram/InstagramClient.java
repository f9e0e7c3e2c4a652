package io.chorus.platform.instagram;

import io.chorus.contracts.ChorusError;
import io.chorus.contracts.ErrorCode;
import io.chorus.contracts.Platform;
import io.chorus.contracts.platform.PublishRequest;
import io.chorus.platform.PlatformAccount;
import io.chorus.platform.PlatformClient;
import io.chorus.platform.PlatformHttp;
import io.chorus.platform.PlatformSettings;
import io.chorus.platform.Poller;
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
 * Publishes to Instagram with the Graph API's three steps: create a media container from the
 * first image URL and the caption, wait until the container is FINISHED, then publish it. Reads
 * the account's media back from {@code /{ig-user-id}/media}.
 */
public final class InstagramClient implements PlatformClient {
  private static final Platform IG = Platform.INSTAGRAM;

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
    if (request.mediaUrls().isEmpty()) {
      return Future.failedFuture(ChorusError.of(ErrorCode.INVALID_REQUEST,
          "an Instagram post needs an image; post " + request.postId() + " has none").exception());
    }
    return createContainer(account, request)
        .compose(container -> poller.until(() -> finished(account, container),
                () -> ChorusError.of(ErrorCode.PLATFORM_UNAVAILABLE,
                    "instagram container " + container + " not ready after " + settings.pollAttempts() + " checks"))
            .compose(ready -> publishContainer(account, container)));
  }

  @Override
  public Future<List<RecentPost>> recentPosts(PlatformAccount account, Instant since) {
    return media.recent(account, "media", since);
  }

  private Future<String> createContainer(PlatformAccount account, PublishRequest request) {
    MultiMap form = MultiMap.caseInsensitiveMultiMap()
        .add("image_url", request.mediaUrls().get(0))
        .add("caption", request.text());
    return PlatformHttp.checked(IG,
            PlatformHttp.authorized(web.postAbs(url(account.externalId() + "/media")), account, settings).sendForm(form),
            GraphError.READER)
        .compose(response -> id(PlatformHttp.json(response), "container id"));
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

  private static Future<String> id(JsonObject body, String what) {
    String id = body.getString("id");
    return id == null ? PlatformHttp.unreadable(IG, what) : Future.succeededFuture(id);
  }
}
