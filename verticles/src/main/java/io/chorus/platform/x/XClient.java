package io.chorus.platform.x;

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

/** Posts to X with API v2 {@code POST /2/tweets}. */
public final class XClient implements PlatformClient {
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
