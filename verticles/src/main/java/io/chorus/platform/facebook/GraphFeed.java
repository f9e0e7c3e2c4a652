package io.chorus.platform.facebook;

import io.chorus.contracts.Platform;
import io.chorus.platform.PlatformAccount;
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
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a Graph API list edge of posts (a Page's {@code feed}, an IG user's {@code media}), newest
 * first, from {@code since} on, following the {@code after} cursor while Graph gives a next page.
 *
 * @param textField the field holding the post's text ({@code message}, {@code caption})
 * @param timeField the field holding its creation time ({@code created_time}, {@code timestamp})
 */
public record GraphFeed(Platform platform, WebClient web, PlatformSettings settings, String textField, String timeField) {
  private static final int PAGE_SIZE = 100;
  /** Graph writes times as {@code 2026-11-24T06:00:00+0000}. */
  private static final DateTimeFormatter GRAPH_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxx");

  /** The account's posts on {@code edge} ({@code feed}, {@code media}) created at or after {@code since}. */
  public Future<List<RecentPost>> recent(PlatformAccount account, String edge, Instant since) {
    String url = settings.baseUrl() + "/" + settings.apiVersion() + "/" + account.externalId() + "/" + edge;
    return RecentPages.collect(cursor -> page(account, url, since, cursor), since);
  }

  private Future<RecentPages.Page> page(PlatformAccount account, String url, Instant since, String cursor) {
    HttpRequest<Buffer> request = PlatformHttp.authorized(web.getAbs(url), account, settings)
        .addQueryParam("fields", "id," + textField + "," + timeField)
        .addQueryParam("limit", String.valueOf(PAGE_SIZE))
        .addQueryParam("since", String.valueOf(since.getEpochSecond()));
    if (cursor != null) {
      request.addQueryParam("after", cursor);
    }
    return PlatformHttp.checked(platform, request.send(), GraphError.READER).map(response -> {
      JsonObject body = PlatformHttp.json(response);
      List<RecentPost> posts = new ArrayList<>();
      for (Object item : body.getJsonArray("data", new JsonArray())) {
        JsonObject post = (JsonObject) item;
        posts.add(new RecentPost(post.getString("id"), post.getString(textField, ""), time(post.getString(timeField))));
      }
      JsonObject paging = body.getJsonObject("paging", new JsonObject());
      String next = paging.getString("next") == null ? null
          : paging.getJsonObject("cursors", new JsonObject()).getString("after");
      return new RecentPages.Page(posts, next);
    });
  }

  private static Instant time(String graphTime) {
    try {
      return graphTime == null ? null : OffsetDateTime.parse(graphTime, GRAPH_TIME).toInstant();
    } catch (DateTimeParseException unreadable) {
      // A post whose time we cannot read is still compared; it just does not end the paging.
      return null;
    }
  }
}
