package io.chorus.platform.linkedin;

import io.chorus.contracts.Platform;
import io.chorus.contracts.platform.PostType;
import io.chorus.contracts.platform.PublishRequest;
import io.chorus.platform.MediaFetcher;
import io.chorus.platform.PlatformAccount;
import io.chorus.platform.PlatformClient;
import io.chorus.platform.PlatformHttp;
import io.chorus.platform.PlatformSettings;
import io.chorus.platform.PostTypes;
import io.chorus.platform.RecentPages;
import io.chorus.platform.RecentPost;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.WebClient;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Posts as an organization (or member) with LinkedIn's versioned {@code POST /rest/posts}: text,
 * a link as article content, or an image uploaded first through the Images API
 * ({@code initializeUpload}, then a PUT of the bytes) and attached as {@code content.media.id}.
 * Finds the author's posts with {@code GET /rest/posts?q=author}.
 */
public final class LinkedInClient implements PlatformClient {
  private static final Platform LI = Platform.LINKEDIN;
  private static final int PAGE_SIZE = 100;
  /** Article titles are short; a longer first sentence is cut. */
  private static final int ARTICLE_TITLE_LIMIT = 200;

  private final WebClient web;
  private final PlatformSettings settings;
  private final MediaFetcher media;

  public LinkedInClient(WebClient web, PlatformSettings settings) {
    this.web = web;
    this.settings = settings;
    this.media = new MediaFetcher(LI, web, settings.timeoutMs());
    Objects.requireNonNull(settings.apiVersion(), "platforms.linkedin.apiVersion is missing");
  }

  @Override
  public Future<String> publish(PlatformAccount account, PublishRequest request) {
    return PostTypes.of(LI, request).compose(type -> switch (type) {
      case LINK -> article(account, request);
      case IMAGE -> image(account, request);
      default -> post(account, request, null);
    });
  }

  private Future<String> article(PlatformAccount account, PublishRequest request) {
    String link = PostTypes.firstLink(request.text());
    if (link == null) {
      return Future.failedFuture(PostTypes.missingMedia(LI, PostType.LINK, request.postId(), "a link in its text").exception());
    }
    String firstLine = request.text().strip().split("\\R", 2)[0];
    String title = firstLine.length() <= ARTICLE_TITLE_LIMIT ? firstLine : firstLine.substring(0, ARTICLE_TITLE_LIMIT);
    return post(account, request, new JsonObject().put("article", new JsonObject().put("source", link).put("title", title)));
  }

  private Future<String> image(PlatformAccount account, PublishRequest request) {
    List<String> images = PostTypes.images(request.mediaUrls());
    if (images.isEmpty()) {
      return Future.failedFuture(PostTypes.missingMedia(LI, PostType.IMAGE, request.postId(), "an image").exception());
    }
    return media.fetch(images.get(0))
        .compose(bytes -> initializeUpload(account).compose(upload -> PlatformHttp.checked(LI,
                PlatformHttp.authorized(web.putAbs(upload.getString("uploadUrl")), account, settings)
                    .putHeader("Content-Type", bytes.contentType())
                    .sendBuffer(bytes.bytes()),
                LinkedInErrors.READER)
            .map(uploaded -> upload.getString("image"))))
        .compose(imageUrn -> post(account, request, new JsonObject().put("media", new JsonObject().put("id", imageUrn))));
  }

  /** {@code POST /rest/images?action=initializeUpload}: where to PUT the bytes and the image's URN. */
  private Future<JsonObject> initializeUpload(PlatformAccount account) {
    JsonObject body = new JsonObject().put("initializeUploadRequest", new JsonObject().put("owner", account.externalId()));
    return PlatformHttp.checked(LI,
            versioned(web.postAbs(settings.baseUrl() + "/rest/images"), account)
                .addQueryParam("action", "initializeUpload")
                .sendJsonObject(body),
            LinkedInErrors.READER)
        .compose(response -> {
          JsonObject value = PlatformHttp.json(response).getJsonObject("value", new JsonObject());
          return value.getString("uploadUrl") == null || value.getString("image") == null
              ? PlatformHttp.unreadable(LI, "value.uploadUrl and value.image")
              : Future.succeededFuture(value);
        });
  }

  private Future<String> post(PlatformAccount account, PublishRequest request, JsonObject content) {
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
    if (content != null) {
      body.put("content", content);
    }
    return PlatformHttp.checked(LI,
            versioned(web.postAbs(settings.baseUrl() + "/rest/posts"), account).sendJsonObject(body),
            LinkedInErrors.READER)
        .compose(response -> {
          String urn = response.getHeader("x-restli-id");
          return urn == null ? PlatformHttp.unreadable(LI, "x-restli-id header") : Future.succeededFuture(urn);
        });
  }

  private HttpRequest<Buffer> versioned(HttpRequest<Buffer> request, PlatformAccount account) {
    return PlatformHttp.authorized(request, account, settings)
        .putHeader("LinkedIn-Version", settings.apiVersion())
        .putHeader("X-Restli-Protocol-Version", "2.0.0");
  }

  @Override
  public Future<List<RecentPost>> recentPosts(PlatformAccount account, Instant since) {
    return RecentPages.collect(cursor -> page(account, cursor == null ? 0 : Integer.parseInt(cursor)), since);
  }

  /** One page of the finder {@code GET /rest/posts?q=author}, the author's posts newest first. */
  private Future<RecentPages.Page> page(PlatformAccount account, int start) {
    return PlatformHttp.checked(LI,
            versioned(web.getAbs(settings.baseUrl() + "/rest/posts"), account)
                .putHeader("X-RestLi-Method", "FINDER")
                .addQueryParam("q", "author")
                .addQueryParam("author", account.externalId())
                .addQueryParam("sortBy", "CREATED")
                .addQueryParam("start", String.valueOf(start))
                .addQueryParam("count", String.valueOf(PAGE_SIZE))
                .send(),
            LinkedInErrors.READER)
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
}
