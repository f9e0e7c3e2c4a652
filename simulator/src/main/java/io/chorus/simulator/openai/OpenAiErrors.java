package io.chorus.simulator.openai;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** OpenAI's error envelope: {@code {"error":{"message","type","param","code"}}}. */
final class OpenAiErrors {

  private OpenAiErrors() {
  }

  static void send(RoutingContext ctx, int status, String type, String code, String param, String message) {
    JsonObject error = new JsonObject().put("message", message).put("type", type).put("param", param)
        .put("code", code);
    ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json")
        .end(new JsonObject().put("error", error).encode());
  }

  static void noKey(RoutingContext ctx) {
    send(ctx, 401, "invalid_request_error", null, null,
        "You didn't provide an API key. You need to provide your API key in an Authorization header using"
            + " Bearer auth (i.e. Authorization: Bearer YOUR_KEY).");
  }

  static void invalidKey(RoutingContext ctx, String key) {
    String shown = key.length() <= 4 ? "****" : "*".repeat(Math.min(8, key.length() - 4)) + key.substring(key.length() - 4);
    send(ctx, 401, "invalid_request_error", "invalid_api_key", null,
        "Incorrect API key provided: " + shown + ". You can find your API key at"
            + " https://platform.openai.com/account/api-keys.");
  }

  static void invalidRequest(RoutingContext ctx, String param, String message) {
    send(ctx, 400, "invalid_request_error", null, param, message);
  }

  static void notFound(RoutingContext ctx) {
    send(ctx, 404, "invalid_request_error", null, null,
        "Invalid URL (" + ctx.request().method() + " " + ctx.request().path() + ")");
  }
}
