package io.chorus.platform.x;

import io.chorus.contracts.Platform;
import io.chorus.contracts.platform.PublishRequest;
import io.chorus.platform.PlatformAccount;
import io.chorus.platform.PlatformClient;
import io.chorus.platform.PlatformHttp;
import io.chorus.platform.PlatformSettings;
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
import java.util.List;

/** Posts to X with API v2 {@code POST /2/tweets} and reads the account's timeline {@code GET /2/users/{id}/tweets}. */
public final class XClient implements PlatformClient {
  private static final int PAGE_SIZE = 100;

  private final WebClient web;
  private final PlatformSettings settings;

  public XClient(WebClient web, PlatformSettings settings) {
    this.web = web;
    this.settings = settings;
  }

  @Override
  public Future<String> publish(PlatformAccount account, PublishRequest request) {
    JsonObject body = new JsonObject().put("text", request.text());
    return PlatformHttp.checked(Platform.X,
            PlatformHttp.authorized(web.postAbs(settings.baseUrl() + "/2/tweets"), account, settings).sendJsonObject(body),
            XClient::problem)
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
    return PlatformHttp.checked(Platform.X, request.send(), XClient::problem).map(response -> {
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

  /** The message of an X error: an RFC 7807 problem's detail or title, or the legacy errors[0].message. */
  static String problem(JsonObject body) {
    String detail = body.getString("detail", body.getString("title"));
    if (detail != null) {
      return detail;
    }
    JsonArray errors = body.getJsonArray("errors", new JsonArray());
    return errors.isEmpty() ? null : errors.getJsonObject(0).getString("message");
  }
}
