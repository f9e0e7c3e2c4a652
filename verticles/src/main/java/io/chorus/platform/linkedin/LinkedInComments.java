package io.chorus.platform.linkedin;

import io.chorus.contracts.Platform;
import io.chorus.contracts.platform.PlatformEvent;
import io.chorus.contracts.platform.PublishRequest;
import io.chorus.platform.PlatformAccount;
import io.chorus.platform.PlatformHttp;
import io.chorus.platform.PlatformSettings;
import io.chorus.platform.engagement.CommentsClient;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.WebClient;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a post's comments with {@code GET /rest/socialActions/{post-urn}/comments} and answers one
 * as the organization with {@code POST /rest/socialActions/{comment-urn}/comments}, naming the
 * comment as {@code parentComment} and its activity as {@code object}.
 */
public final class LinkedInComments implements CommentsClient {
  /** A comment URN names the activity it hangs under: {@code urn:li:comment:(urn:li:activity:1,2)}. */
  private static final Pattern COMMENT_URN = Pattern.compile("urn:li:comment:\\((urn:li:[a-zA-Z]+:[^,]+),[^)]+\\)");

  private final WebClient web;
  private final PlatformSettings settings;

  public LinkedInComments(WebClient web, PlatformSettings settings) {
    this.web = web;
    this.settings = settings;
  }

  @Override
  public Future<List<PlatformEvent>> comments(PlatformAccount account, Map<String, Instant> posts) {
    List<Future<List<PlatformEvent>>> reads = posts.keySet().stream().map(urn -> onPost(account, urn)).toList();
    return Future.all(reads).map(all -> {
      List<PlatformEvent> events = new ArrayList<>();
      reads.forEach(read -> events.addAll(read.result()));
      return events;
    });
  }

  private Future<List<PlatformEvent>> onPost(PlatformAccount account, String urn) {
    return PlatformHttp.checked(Platform.LINKEDIN, versioned(web.getAbs(commentsUrl(urn)), account).send(),
            LinkedInErrors.READER)
        .map(response -> {
          List<PlatformEvent> events = new ArrayList<>();
          for (Object item : PlatformHttp.json(response).getJsonArray("elements", new JsonArray())) {
            JsonObject comment = (JsonObject) item;
            String actor = comment.getString("actor");
            String commentUrn = comment.getString("commentUrn");
            if (account.externalId().equals(actor) || commentUrn == null) {
              continue;
            }
            Long created = comment.getJsonObject("created", new JsonObject()).getLong("time");
            events.add(new PlatformEvent(CommentsClient.eventId(account, commentUrn), Platform.LINKEDIN,
                account.externalId(), PlatformEvent.Kind.COMMENT, commentUrn, urn, actor,
                comment.getJsonObject("message", new JsonObject()).getString("text", ""),
                created == null ? null : Instant.ofEpochMilli(created), comment.encode()));
          }
          return events;
        });
  }

  @Override
  public Future<String> reply(PlatformAccount account, PublishRequest request) {
    String target = request.inReplyToExternalId();
    Matcher comment = COMMENT_URN.matcher(target);
    JsonObject body = new JsonObject()
        .put("actor", account.externalId())
        .put("object", comment.matches() ? comment.group(1) : target)
        .put("message", new JsonObject().put("text", request.text()));
    if (comment.matches()) {
      body.put("parentComment", target);
    }
    return PlatformHttp.checked(Platform.LINKEDIN,
            versioned(web.postAbs(commentsUrl(target)), account).sendJsonObject(body), LinkedInErrors.READER)
        .compose(response -> {
          String id = response.getHeader("x-restli-id");
          if (id == null) {
            id = PlatformHttp.json(response).getString("commentUrn");
          }
          return id == null ? PlatformHttp.unreadable(Platform.LINKEDIN, "x-restli-id header") : Future.succeededFuture(id);
        });
  }

  private String commentsUrl(String urn) {
    return settings.baseUrl() + "/rest/socialActions/" + URLEncoder.encode(urn, StandardCharsets.UTF_8) + "/comments";
  }

  private HttpRequest<Buffer> versioned(HttpRequest<Buffer> request, PlatformAccount account) {
    return PlatformHttp.authorized(request, account, settings)
        .putHeader("LinkedIn-Version", settings.apiVersion())
        .putHeader("X-Restli-Protocol-Version", "2.0.0");
  }
}
