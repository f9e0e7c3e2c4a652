package io.chorus.platform.x;

import io.chorus.contracts.Platform;
import io.chorus.contracts.platform.PlatformEvent;
import io.chorus.contracts.platform.PublishRequest;
import io.chorus.platform.PlatformAccount;
import io.chorus.platform.PlatformHttp;
import io.chorus.platform.PlatformSettings;
import io.chorus.platform.engagement.CommentsClient;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * X comments are replies, which mention the author: they are read from the account's mentions
 * timeline {@code GET /2/users/{id}/mentions} since the oldest post asked about. A mention that
 * replies to one of those posts is a COMMENT on it; any other is a MENTION. Replies go out with
 * {@code POST /2/tweets} and {@code reply.in_reply_to_tweet_id}.
 */
public final class XComments implements CommentsClient {
  private static final int PAGE_SIZE = 100;

  private final WebClient web;
  private final PlatformSettings settings;

  public XComments(WebClient web, PlatformSettings settings) {
    this.web = web;
    this.settings = settings;
  }

  @Override
  public Future<List<PlatformEvent>> comments(PlatformAccount account, Map<String, Instant> posts) {
    Instant since = posts.values().stream().filter(at -> at != null).min(Instant::compareTo).orElse(Instant.now());
    return PlatformHttp.checked(Platform.X,
            PlatformHttp.authorized(web.getAbs(settings.baseUrl() + "/2/users/" + account.externalId() + "/mentions"),
                    account, settings)
                .addQueryParam("max_results", String.valueOf(PAGE_SIZE))
                .addQueryParam("start_time", since.truncatedTo(ChronoUnit.SECONDS).toString())
                .addQueryParam("tweet.fields", "created_at,author_id,conversation_id,referenced_tweets")
                .addQueryParam("expansions", "author_id")
                .addQueryParam("user.fields", "username")
                .send(),
            XErrors.READER)
        .map(response -> events(account, posts, PlatformHttp.json(response)));
  }

  private static List<PlatformEvent> events(PlatformAccount account, Map<String, Instant> posts, JsonObject body) {
    Map<String, String> usernames = new HashMap<>();
    for (Object item : body.getJsonObject("includes", new JsonObject()).getJsonArray("users", new JsonArray())) {
      JsonObject user = (JsonObject) item;
      usernames.put(user.getString("id"), user.getString("username"));
    }
    List<PlatformEvent> events = new ArrayList<>();
    for (Object item : body.getJsonArray("data", new JsonArray())) {
      JsonObject mention = (JsonObject) item;
      String authorId = mention.getString("author_id");
      if (account.externalId().equals(authorId)) {
        continue;
      }
      String repliedTo = repliedTo(mention);
      boolean onOurPost = posts.containsKey(mention.getString("conversation_id", "")) || posts.containsKey(repliedTo);
      String createdAt = mention.getString("created_at");
      events.add(new PlatformEvent(CommentsClient.eventId(account, mention.getString("id")), Platform.X,
          account.externalId(), onOurPost ? PlatformEvent.Kind.COMMENT : PlatformEvent.Kind.MENTION,
          mention.getString("id"), repliedTo, usernames.getOrDefault(authorId, authorId),
          XClient.unescapeEntities(mention.getString("text", "")),
          createdAt == null ? null : Instant.parse(createdAt), mention.encode()));
    }
    return events;
  }

  private static String repliedTo(JsonObject mention) {
    for (Object item : mention.getJsonArray("referenced_tweets", new JsonArray())) {
      JsonObject reference = (JsonObject) item;
      if ("replied_to".equals(reference.getString("type"))) {
        return reference.getString("id");
      }
    }
    return null;
  }

  @Override
  public Future<String> reply(PlatformAccount account, PublishRequest request) {
    JsonObject body = new JsonObject().put("text", request.text())
        .put("reply", new JsonObject().put("in_reply_to_tweet_id", request.inReplyToExternalId()));
    return PlatformHttp.checked(Platform.X,
            PlatformHttp.authorized(web.postAbs(settings.baseUrl() + "/2/tweets"), account, settings).sendJsonObject(body),
            XErrors.READER)
        .compose(response -> {
          String id = PlatformHttp.json(response).getJsonObject("data", new JsonObject()).getString("id");
          return id == null ? PlatformHttp.unreadable(Platform.X, "data.id") : Future.succeededFuture(id);
        });
  }
}
