package io.chorus.platform.linkedin;

import io.chorus.contracts.Platform;
import io.chorus.contracts.platform.PublishRequest;
import io.chorus.platform.PlatformAccount;
import io.chorus.platform.PlatformClient;
import io.chorus.platform.PlatformHttp;
import io.chorus.platform.PlatformSettings;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import java.util.Objects;

/** Posts as an organization (or member) with LinkedIn's versioned {@code POST /rest/posts}. */
public final class LinkedInClient implements PlatformClient {
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

  /** The message of a LinkedIn error {@code {"status","serviceErrorCode","message"}}. */
  static String message(JsonObject body) {
    return body.getString("message");
  }
}
