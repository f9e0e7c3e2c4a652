package io.chorus.simulator.webhooks;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.util.UUID;

/**
 * {@code POST /_simulator/webhooks/{platform}}: the simulated platform sends a comment webhook to
 * a Chorus, signed with the secret given, and reports how Chorus answered. Body:
 * {@code {"target": "http://127.0.0.1:8080", "secret", "account", "postId"?, "author"?, "text"?}}.
 */
public final class WebhookRoutes {
  private final HttpClient client;

  public WebhookRoutes(Vertx vertx) {
    this.client = vertx.createHttpClient();
  }

  public void mount(Router router) {
    router.post("/_simulator/webhooks/:platform").handler(this::send);
  }

  private void send(RoutingContext ctx) {
    JsonObject request = ctx.body().asJsonObject();
    if (request == null || request.getString("target") == null || request.getString("secret") == null
        || request.getString("account") == null) {
      ctx.response().setStatusCode(400).putHeader("content-type", "application/json")
          .end(new JsonObject().put("error", "target, secret and account are required").encode());
      return;
    }
    String commentId = UUID.randomUUID().toString();
    PlatformWebhooks.comment(ctx.pathParam("platform"), request.getString("secret"), request.getString("account"),
            request.getString("postId", "post-1"), commentId, request.getString("author", "simulated-fan"),
            request.getString("text", "Love this!"), Instant.now().getEpochSecond())
        .ifPresentOrElse(webhook -> deliver(ctx, request.getString("target"), webhook),
            () -> ctx.response().setStatusCode(404).end());
  }

  private void deliver(RoutingContext ctx, String target, SignedWebhook webhook) {
    RequestOptions options = new RequestOptions().setMethod(HttpMethod.POST)
        .setAbsoluteURI(target.replaceAll("/+$", "") + webhook.path())
        .putHeader("content-type", "application/json");
    webhook.headers().forEach(options::putHeader);
    client.request(options)
        .compose(sent -> sent.send(webhook.body()))
        .compose(response -> response.body().map(body -> answer(response, body.toString())))
        .onSuccess(answer -> ctx.response().putHeader("content-type", "application/json").end(answer.encode()))
        .onFailure(failure -> ctx.response().setStatusCode(502).putHeader("content-type", "application/json")
            .end(new JsonObject().put("error", String.valueOf(failure.getMessage())).encode()));
  }

  private static JsonObject answer(HttpClientResponse response, String body) {
    return new JsonObject().put("status", response.statusCode()).put("body", body);
  }
}
