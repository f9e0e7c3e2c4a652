package io.chorus.simulator.anthropic;

import io.chorus.simulator.support.Ids;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** Anthropic's error envelope: {@code {"type":"error","error":{"type","message"},"request_id"}}. */
final class AnthropicErrors {

  private AnthropicErrors() {
  }

  static JsonObject body(String type, String message) {
    return new JsonObject().put("type", "error")
        .put("error", new JsonObject().put("type", type).put("message", message))
        .put("request_id", requestId());
  }

  static void send(RoutingContext ctx, int status, String type, String message) {
    JsonObject body = body(type, message);
    ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json")
        .putHeader("request-id", body.getString("request_id")).end(body.encode());
  }

  static String requestId() {
    return "req_011C" + Ids.trace(20);
  }

  static void notFound(RoutingContext ctx) {
    send(ctx, 404, "not_found_error", "Not Found");
  }
}
