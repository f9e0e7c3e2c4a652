package io.chorus.platform.facebook;

import io.chorus.contracts.Platform;
import io.chorus.contracts.platform.PublishRequest;
import io.chorus.platform.PlatformAccount;
import io.chorus.platform.PlatformClient;
import io.chorus.platform.PlatformHttp;
import io.chorus.platform.PlatformSettings;
import io.chorus.platform.RecentPost;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.client.WebClient;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** Posts to a Facebook Page's feed with the Graph API {@code POST /{version}/{page-id}/feed}, and reads the feed back. */
public final class FacebookClient implements PlatformClient {
  private final WebClient web;
  private final PlatformSettings settings;
  private final GraphFeed feed;

  public FacebookClient(WebClient web, PlatformSettings settings) {
    this.web = web;
    this.settings = settings;
    Objects.requireNonNull(settings.apiVersion(), "platforms.facebook.apiVersion is missing");
    this.feed = new GraphFeed(Platform.FACEBOOK, web, settings, "message", "created_time");
  }

  @Override
  public Future<String> publish(PlatformAccount account, PublishRequest request) {
    String url = settings.baseUrl() + "/" + settings.apiVersion() + "/" + account.externalId() + "/feed";
    MultiMap form = MultiMap.caseInsensitiveMultiMap().add("message", request.text());
    return PlatformHttp.checked(Platform.FACEBOOK,
            PlatformHttp.authorized(web.postAbs(url), account, settings).sendForm(form),
            GraphError.READER)
        .compose(response -> {
          String id = PlatformHttp.json(response).getString("id");
          return id == null ? PlatformHttp.unreadable(Platform.FACEBOOK, "id") : Future.succeededFuture(id);
        });
  }

  @Override
  public Future<List<RecentPost>> recentPosts(PlatformAccount account, Instant since) {
    return feed.recent(account, "feed", since);
  }
}
