package io.chorus.simulator.support;

import io.vertx.core.Handler;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.function.UnaryOperator;

/**
 * An OAuth 2.0 token endpoint's refresh grant ({@code application/x-www-form-urlencoded}
 * {@code grant_type=refresh_token}), answering in the platform's own shape.
 *
 * @param clientParam the form field naming the client ({@code client_id}, TikTok's {@code client_key})
 * @param secretInForm whether the client secret must be in the form (LinkedIn, TikTok)
 * @param granted adds the platform's own fields to {@code access_token, refresh_token, expires_in}
 * @param refusal the body answered, with status 400, for a refresh token that cannot be used
 */
public record TokenExchange(
    Grants grants, String clientParam, boolean secretInForm, UnaryOperator<JsonObject> granted, JsonObject refusal)
    implements Handler<RoutingContext> {

  @Override
  public void handle(RoutingContext ctx) {
    String grantType = ctx.request().getFormAttribute("grant_type");
    String client = ctx.request().getFormAttribute(clientParam);
    String secret = ctx.request().getFormAttribute("client_secret");
    if (!"refresh_token".equals(grantType)) {
      send(ctx, 400, new JsonObject().put("error", "unsupported_grant_type")
          .put("error_description", "grant_type must be refresh_token (authorization_code is done in a browser)"));
    } else if (client == null || client.isBlank() || secretInForm && (secret == null || secret.isBlank())) {
      send(ctx, 401, new JsonObject().put("error", "invalid_client")
          .put("error_description", "Client authentication failed: " + clientParam
              + (secretInForm ? " and client_secret are" : " is") + " required"));
    } else {
      JsonObject pair = grants.refresh(ctx.request().getFormAttribute("refresh_token"));
      if (pair == null) {
        send(ctx, 400, refusal.copy());
      } else {
        send(ctx, 200, granted.apply(pair));
      }
    }
  }

  private static void send(RoutingContext ctx, int status, JsonObject body) {
    ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json")
        .putHeader("Cache-Control", "no-store").end(body.encode());
  }
}
