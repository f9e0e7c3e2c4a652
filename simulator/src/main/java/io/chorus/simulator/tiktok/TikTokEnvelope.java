package io.chorus.simulator.tiktok;

import io.chorus.simulator.support.Grants;
import io.chorus.simulator.support.Ids;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** TikTok's envelope on every response: {@code {"data":{...},"error":{"code","message","log_id"}}}. */
final class TikTokEnvelope {

  private static final DateTimeFormatter LOG_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

  private TikTokEnvelope() {
  }

  static void ok(RoutingContext ctx, JsonObject data) {
    send(ctx, 200, data, "ok", "");
  }

  static void error(RoutingContext ctx, int status, String code, String message) {
    send(ctx, status, new JsonObject(), code, message);
  }

  static void invalidParams(RoutingContext ctx, String message) {
    error(ctx, 400, "invalid_params", message);
  }

  static void unauthorized(RoutingContext ctx) {
    error(ctx, 401, "access_token_invalid", "The access token is invalid or not found in the request.");
  }

  /** TikTok says the same for an expired or a revoked token. */
  static void refusedToken(RoutingContext ctx, Grants.Refusal refusal) {
    unauthorized(ctx);
  }

  static void rateLimited(RoutingContext ctx) {
    error(ctx, 429, "rate_limit_exceeded", "API rate limit was exceeded. Please retry after some time.");
  }

  static void notFound(RoutingContext ctx) {
    error(ctx, 404, "not_found", "The requested path was not found.");
  }

  private static void send(RoutingContext ctx, int status, JsonObject data, String code, String message) {
    // TikTok log ids start with the UTC time of the request, then random characters.
    String logId = LocalDateTime.now(ZoneOffset.UTC).format(LOG_TIME) + Ids.trace(18).toUpperCase();
    JsonObject error = new JsonObject().put("code", code).put("message", message).put("log_id", logId);
    ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json; charset=UTF-8")
        .end(new JsonObject().put("data", data).put("error", error).encode());
  }
}
