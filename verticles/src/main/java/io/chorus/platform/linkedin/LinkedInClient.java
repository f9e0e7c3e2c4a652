package io.chorus.platform.linkedin;

import io.chorus.contracts.Platform;
import io.chorus.contracts.platform.PublishRequest;
import io.chorus.platform.PlatformAccount;
import io.chorus.platform.PlatformClient;
import io.chorus.platform.PlatformHttp;
import io.chorus.platform.PlatformSettings;
import io.chorus.platform.RecentPages;
import io.chorus.platform.RecentPost;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Posts as an organization (or member) with LinkedIn's versioned {@code POST /rest/posts}, and
 * finds the author's posts with {@code GET /rest/posts?q=author}.
 */
public final class LinkedInClient implements PlatformClient {
  private static final int PAGE_SIZE = 100;

  private final WebClient web;
  private final PlatformSettings settings;

  public LinkedInClient(WebClient web, PlatformSettings settings) {
    this.web = web;
    this.settings = settings;
    Objects.requireNonNull(settings.apiVersion(), "platforms.linkedin.apiVersion is missing");
  }

  @Override
  public Future<String> publish(PlatformAccount account, PublishRequest request) {
    JsonObject body = new JsonObject()
        .put("author", account.externalId())
        .put("commentary", LittleText.escape(request.text()))
        .put("visibility", "PUBLIC")
        .put("distribution", new JsonObject()
            .put("feedDistribution", "MAIN_FEED")
            .put("targetEntities", new JsonArray())
            .put("thirdPartyDistributionChannels", new JsonArray()))
        .put("lifecycleState", "PUBLISHED")
        .put("isReshareDisabledByAuthor", false);
    return PlatformHttp.checked(Platform.LINKEDIN,
            PlatformHttp.authorized(web.postAbs(settings.baseUrl() + "/rest/posts"), account, settings)
                .putHeader("LinkedIn-Version", settings.apiVersion())
                .putHeader("X-Restli-Protocol-Version", "2.0.0")
                .sendJsonObject(body),
            LinkedInClient::message)
        .compose(response -> {
          String urn = response.getHeader("x-restli-id");
          return urn == null ? PlatformHttp.unreadable(Platform.LINKEDIN, "x-restli-id header") : Future.succeededFuture(urn);
        });
  }

  @Override
  public Future<List<RecentPost>> recentPosts(PlatformAccount account, Instant since) {
    return RecentPages.collect(cursor -> page(account, cursor == null ? 0 : Integer.parseInt(cursor)), since);
  }

  /** One page of the finder {@code GET /rest/posts?q=author}, the author's posts newest first. */
  private Future<RecentPages.Page> page(PlatformAccount account, int start) {
    return PlatformHttp.checked(Platform.LINKEDIN,
            PlatformHttp.authorized(web.getAbs(settings.baseUrl() + "/rest/posts"), account, settings)
                .putHeader("LinkedIn-Version", settings.apiVersion())
                .putHeader("X-Restli-Protocol-Version", "2.0.0")
                .putHeader("X-RestLi-Method", "FINDER")
                .addQueryParam("q", "author")
                .addQueryParam("author", account.externalId())
                .addQueryParam("sortBy", "CREATED")
                .addQueryParam("start", String.valueOf(start))
                .addQueryParam("count", String.valueOf(PAGE_SIZE))
                .send(),
            LinkedInClient::message)
        .map(response -> {
          JsonArray elements = PlatformHttp.json(response).getJsonArray("elements", new JsonArray());
          List<RecentPost> posts = new ArrayList<>();
          for (Object item : elements) {
            JsonObject post = (JsonObject) item;
            Long createdAt = post.getLong("createdAt", post.getLong("publishedAt"));
            posts.add(new RecentPost(post.getString("id"), LittleText.unescape(post.getString("commentary", "")),
                createdAt == null ? null : Instant.ofEpochMilli(createdAt)));
          }
          return new RecentPages.Page(posts, elements.size() < PAGE_SIZE ? null : String.valueOf(start + PAGE_SIZE));
        });
  }

  /** The message of a LinkedIn error {@code {"status","serviceErrorCode","message"}}. */
  static String message(JsonObject body) {
    return body.getString("message");
  }
}
