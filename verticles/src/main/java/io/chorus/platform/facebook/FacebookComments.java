package io.chorus.platform.facebook;

import io.chorus.contracts.Platform;
import io.chorus.contracts.platform.PlatformEvent;
import io.chorus.contracts.platform.PublishRequest;
import io.chorus.platform.PlatformAccount;
import io.chorus.platform.PlatformHttp;
import io.chorus.platform.PlatformSettings;
import io.chorus.platform.engagement.CommentsClient;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads a Page post's comments with {@code GET /{post-id}/comments} and answers one with
 * {@code POST /{comment-id}/comments}, which Graph threads under it.
 */
public final class FacebookComments implements CommentsClient {
  private static final int PAGE_SIZE = 100;

  private final WebClient web;
  private final PlatformSettings settings;

  public FacebookComments(WebClient web, PlatformSettings settings) {
    this.web = web;
    this.settings = settings;
  }

  @Override
  public Future<List<PlatformEvent>> comments(PlatformAccount account, Map<String, Instant> posts) {
    List<Future<List<PlatformEvent>>> reads = posts.keySet().stream().map(postId -> onPost(account, postId)).toList();
    return Future.all(reads).map(all -> {
      List<PlatformEvent> events = new ArrayList<>();
      reads.forEach(read -> events.addAll(read.result()));
      return events;
    });
  }

  private Future<List<PlatformEvent>> onPost(PlatformAccount account, String postId) {
    return PlatformHttp.checked(Platform.FACEBOOK,
            PlatformHttp.authorized(web.getAbs(url(postId + "/comments")), account, settings)
                .addQueryParam("fields", "id,message,from,created_time")
                .addQueryParam("order", "reverse_chronological")
                .addQueryParam("limit", String.valueOf(PAGE_SIZE))
                .send(),
            GraphError.READER)
        .map(response -> {
          List<PlatformEvent> events = new ArrayList<>();
          for (Object item : PlatformHttp.json(response).getJsonArray("data", new JsonArray())) {
            JsonObject comment = (JsonObject) item;
            JsonObject from = comment.getJsonObject("from", new JsonObject());
            if (account.externalId().equals(from.getString("id"))) {
              continue;
            }
            events.add(new PlatformEvent(CommentsClient.eventId(account, comment.getString("id")), Platform.FACEBOOK,
                account.externalId(), PlatformEvent.Kind.COMMENT, comment.getString("id"), postId,
                from.getString("name"), comment.getString("message", ""),
                GraphTime.parse(comment.getString("created_time")), comment.encode()));
          }
          return events;
        });
  }

  @Override
  public Future<String> reply(PlatformAccount account, PublishRequest request) {
    return PlatformHttp.checked(Platform.FACEBOOK,
            PlatformHttp.authorized(web.postAbs(url(request.inReplyToExternalId() + "/comments")), account, settings)
                .sendForm(MultiMap.caseInsensitiveMultiMap().add("message", request.text())),
            GraphError.READER)
        .compose(response -> {
          String id = PlatformHttp.json(response).getString("id");
          return id == null ? PlatformHttp.unreadable(Platform.FACEBOOK, "id") : Future.succeededFuture(id);
        });
  }

  private String url(String path) {
    return settings.baseUrl() + "/" + settings.apiVersion() + "/" + path;
  }
}
