package io.chorus.platform.instagram;

import io.chorus.contracts.Platform;
import io.chorus.contracts.platform.PlatformEvent;
import io.chorus.contracts.platform.PublishRequest;
import io.chorus.platform.PlatformAccount;
import io.chorus.platform.PlatformHttp;
import io.chorus.platform.PlatformSettings;
import io.chorus.platform.engagement.CommentsClient;
import io.chorus.platform.facebook.GraphError;
import io.chorus.platform.facebook.GraphTime;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads a media's comments with {@code GET /{media-id}/comments} and answers one with
 * {@code POST /{comment-id}/replies?message=}. Instagram only threads one level deep: a reply
 * to a reply lands under the top-level comment.
 */
public final class InstagramComments implements CommentsClient {

  private final WebClient web;
  private final PlatformSettings settings;

  public InstagramComments(WebClient web, PlatformSettings settings) {
    this.web = web;
    this.settings = settings;
  }

  @Override
  public Future<List<PlatformEvent>> comments(PlatformAccount account, Map<String, Instant> posts) {
    List<Future<List<PlatformEvent>>> reads = posts.keySet().stream().map(mediaId -> onMedia(account, mediaId)).toList();
    return Future.all(reads).map(all -> {
      List<PlatformEvent> events = new ArrayList<>();
      reads.forEach(read -> events.addAll(read.result()));
      return events;
    });
  }

  private Future<List<PlatformEvent>> onMedia(PlatformAccount account, String mediaId) {
    return PlatformHttp.checked(Platform.INSTAGRAM,
            PlatformHttp.authorized(web.getAbs(url(mediaId + "/comments")), account, settings)
                .addQueryParam("fields", "id,text,username,timestamp")
                .send(),
            GraphError.READER)
        .map(response -> {
          List<PlatformEvent> events = new ArrayList<>();
          for (Object item : PlatformHttp.json(response).getJsonArray("data", new JsonArray())) {
            JsonObject comment = (JsonObject) item;
            String username = comment.getString("username");
            if (username != null && username.equalsIgnoreCase(account.handle())) {
              continue;
            }
            events.add(new PlatformEvent(CommentsClient.eventId(account, comment.getString("id")), Platform.INSTAGRAM,
                account.externalId(), PlatformEvent.Kind.COMMENT, comment.getString("id"), mediaId, username,
                comment.getString("text", ""), GraphTime.parse(comment.getString("timestamp")), comment.encode()));
          }
          return events;
        });
  }

  @Override
  public Future<String> reply(PlatformAccount account, PublishRequest request) {
    return PlatformHttp.checked(Platform.INSTAGRAM,
            PlatformHttp.authorized(web.postAbs(url(request.inReplyToExternalId() + "/replies")), account, settings)
                .addQueryParam("message", request.text())
                .send(),
            GraphError.READER)
        .compose(response -> {
          String id = PlatformHttp.json(response).getString("id");
          return id == null ? PlatformHttp.unreadable(Platform.INSTAGRAM, "id") : Future.succeededFuture(id);
        });
  }

  private String url(String path) {
    return settings.baseUrl() + "/" + settings.apiVersion() + "/" + path;
  }
}
