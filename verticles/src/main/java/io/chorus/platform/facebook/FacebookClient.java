package io.chorus.platform.facebook;

import io.chorus.contracts.Platform;
import io.chorus.contracts.platform.PostType;
import io.chorus.contracts.platform.PublishRequest;
import io.chorus.platform.PlatformAccount;
import io.chorus.platform.PlatformClient;
import io.chorus.platform.PlatformHttp;
import io.chorus.platform.PlatformSettings;
import io.chorus.platform.PostTypes;
import io.chorus.platform.PublishOptions;
import io.chorus.platform.RecentPost;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Publishes to a Facebook Page with the Graph API: text and link posts on {@code /{page-id}/feed},
 * photos on {@code /{page-id}/photos} from their URL, and scheduled posts (unpublished, with a
 * {@code scheduled_publish_time} Facebook then keeps). Reads the Page's feed back.
 */
public final class FacebookClient implements PlatformClient {
  private static final Platform FB = Platform.FACEBOOK;

  private final WebClient web;
  private final PlatformSettings settings;
  private final PublishOptions options;
  private final GraphFeed feed;

  public FacebookClient(WebClient web, PlatformSettings settings, PublishOptions options) {
    this.web = web;
    this.settings = settings;
    this.options = options;
    Objects.requireNonNull(settings.apiVersion(), "platforms.facebook.apiVersion is missing");
    this.feed = new GraphFeed(FB, web, settings, "message", "created_time");
  }

  @Override
  public Future<String> publish(PlatformAccount account, PublishRequest request) {
    return PostTypes.of(FB, request).compose(type -> switch (type) {
      case LINK -> link(account, request);
      case IMAGE -> photo(account, request);
      case SCHEDULED -> send(account, "feed", MultiMap.caseInsensitiveMultiMap()
          .add("message", request.text())
          .add("published", "false")
          .add("scheduled_publish_time",
              String.valueOf(Instant.now().plus(options.scheduleAhead()).getEpochSecond())));
      default -> send(account, "feed", MultiMap.caseInsensitiveMultiMap().add("message", request.text()));
    });
  }

  private Future<String> link(PlatformAccount account, PublishRequest request) {
    String link = PostTypes.firstLink(request.text());
    if (link == null) {
      return Future.failedFuture(PostTypes.missingMedia(FB, PostType.LINK, request.postId(), "a link in its text").exception());
    }
    return send(account, "feed", MultiMap.caseInsensitiveMultiMap().add("message", request.text()).add("link", link));
  }

  private Future<String> photo(PlatformAccount account, PublishRequest request) {
    List<String> images = PostTypes.images(request.mediaUrls());
    if (images.isEmpty()) {
      return Future.failedFuture(PostTypes.missingMedia(FB, PostType.IMAGE, request.postId(), "an image").exception());
    }
    return send(account, "photos", MultiMap.caseInsensitiveMultiMap().add("url", images.get(0)).add("message", request.text()));
  }

  /** Posts to an edge of the Page; yields the feed post's id (a photo's {@code post_id}, not the photo's). */
  private Future<String> send(PlatformAccount account, String edge, MultiMap form) {
    String url = settings.baseUrl() + "/" + settings.apiVersion() + "/" + account.externalId() + "/" + edge;
    return PlatformHttp.checked(FB, PlatformHttp.authorized(web.postAbs(url), account, settings).sendForm(form), GraphError.READER)
        .compose(response -> {
          JsonObject body = PlatformHttp.json(response);
          String id = body.getString("post_id", body.getString("id"));
          return id == null ? PlatformHttp.unreadable(FB, "id") : Future.succeededFuture(id);
        });
  }

  @Override
  public Future<List<RecentPost>> recentPosts(PlatformAccount account, Instant since) {
    return feed.recent(account, "feed", since);
  }
}
