package io.chorus.platform.x;

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
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Posts to X with API v2 {@code POST /2/tweets}: a single post, a thread (each post replying to
 * the one before), or a post with images uploaded first with {@code POST /2/media/upload}. Reads
 * the account's timeline {@code GET /2/users/{id}/tweets}.
 */
public final class XClient implements PlatformClient {
  private static final int PAGE_SIZE = 100;
  /** X takes up to four images on one post. */
  static final int MAX_IMAGES = 4;

  private final WebClient web;
  private final PlatformSettings settings;
  private final MediaFetcher media;

  public XClient(WebClient web, PlatformSettings settings) {
    this.web = web;
    this.settings = settings;
    this.media = new MediaFetcher(Platform.X, web, settings.timeoutMs());
  }

  @Override
  public Future<String> publish(PlatformAccount account, PublishRequest request) {
    return PostTypes.of(Platform.X, request).compose(type -> switch (type) {
      case THREAD -> thread(account, XTextFitter.thread(request.text()), 0, null, null);
      case IMAGE -> withImages(account, request);
      default -> post(account, new JsonObject().put("text", request.text()));
    });
  }

  /** The first post of a thread is what the account's timeline shows of it. */
  @Override
  public String recognisableText(String text) {
    return XTextFitter.thread(text).get(0);
  }

  /** Posts the thread's posts one after the other, each replying to the one before; yields the first one's id. */
  private Future<String> thread(PlatformAccount account, List<String> posts, int index, String previousId, String firstId) {
    if (index == posts.size()) {
      return Future.succeededFuture(firstId);
    }
    JsonObject body = new JsonObject().put("text", posts.get(index));
    if (previousId != null) {
      body.put("reply", new JsonObject().put("in_reply_to_tweet_id", previousId));
    }
    return post(account, body).compose(id -> thread(account, posts, index + 1, id, firstId == null ? id : firstId));
  }

  private Future<String> withImages(PlatformAccount account, PublishRequest request) {
    List<String> images = PostTypes.images(request.mediaUrls());
    if (images.isEmpty()) {
      return Future.failedFuture(PostTypes.missingMedia(Platform.X, PostType.IMAGE, request.postId(), "an image").exception());
    }
    List<String> attached = images.subList(0, Math.min(MAX_IMAGES, images.size()));
    return upload(account, attached, 0, new JsonArray())
        .compose(mediaIds -> post(account, new JsonObject().put("text", request.text())
            .put("media", new JsonObject().put("media_ids", mediaIds))));
  }

  private Future<JsonArray> upload(PlatformAccount account, List<String> urls, int index, JsonArray ids) {
    if (index == urls.size()) {
      return Future.succeededFuture(ids);
    }
    return media.fetch(urls.get(index))
        .compose(image -> PlatformHttp.checked(Platform.X,
            PlatformHttp.authorized(web.postAbs(settings.baseUrl() + "/2/media/upload"), account, settings)
                .sendJsonObject(new JsonObject()
                    .put("media", Base64.getEncoder().encodeToString(image.bytes().getBytes()))
                    .put("media_category", "tweet_image")
                    .put("media_type", image.contentType())),
            XErrors.READER))
        .compose(response -> {
          String id = PlatformHttp.json(response).getJsonObject("data", new JsonObject()).getString("id");
          return id == null ? PlatformHttp.unreadable(Platform.X, "media data.id")
              : upload(account, urls, index + 1, ids.add(id));
        });
  }

  private Future<String> post(PlatformAccount account, JsonObject body) {
    return PlatformHttp.checked(Platform.X,
            PlatformHttp.authorized(web.postAbs(settings.baseUrl() + "/2/tweets"), account, settings).sendJsonObject(body),
            XErrors.READER)
        .compose(response -> {
          String id = PlatformHttp.json(response).getJsonObject("data", new JsonObject()).getString("id");
          return id == null ? PlatformHttp.unreadable(Platform.X, "data.id") : Future.succeededFuture(id);
        });
  }

  @Override
  public Future<List<RecentPost>> recentPosts(PlatformAccount account, Instant since) {
    return RecentPages.collect(cursor -> timelinePage(account, since, cursor), since);
  }

  /** One page of {@code GET /2/users/{id}/tweets}, the account's own timeline. */
  private Future<RecentPages.Page> timelinePage(PlatformAccount account, Instant since, String cursor) {
    HttpRequest<Buffer> request = PlatformHttp.authorized(
            web.getAbs(settings.baseUrl() + "/2/users/" + account.externalId() + "/tweets"), account, settings)
        .addQueryParam("max_results", String.valueOf(PAGE_SIZE))
        .addQueryParam("tweet.fields", "created_at")
        .addQueryParam("start_time", since.truncatedTo(ChronoUnit.SECONDS).toString());
    if (cursor != null) {
      request.addQueryParam("pagination_token", cursor);
    }
    return PlatformHttp.checked(Platform.X, request.send(), XErrors.READER).map(response -> {
      JsonObject body = PlatformHttp.json(response);
      List<RecentPost> posts = new ArrayList<>();
      for (Object item : body.getJsonArray("data", new JsonArray())) {
        JsonObject tweet = (JsonObject) item;
        String createdAt = tweet.getString("created_at");
        posts.add(new RecentPost(tweet.getString("id"), unescapeEntities(tweet.getString("text", "")),
            createdAt == null ? null : Instant.parse(createdAt)));
      }
      return new RecentPages.Page(posts, body.getJsonObject("meta", new JsonObject()).getString("next_token"));
    });
  }

  /** X returns post texts with {@code &}, {@code <} and {@code >} as HTML entities. */
  static String unescapeEntities(String text) {
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
  }
}
