package io.chorus.simulator.x;

import io.chorus.simulator.support.RateWindow;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** X API v2 responses: problem documents for errors and the rate-limit headers on every answer. */
final class XProblems {

  private static final String PROBLEMS = "https://api.twitter.com/2/problems/";

  private XProblems() {
  }

  static void rateHeaders(HttpServerResponse response, RateWindow.Usage window, RateWindow.Usage day, RateWindow.Usage app) {
    response
        .putHeader("x-app-limit-24hour-limit", Integer.toString(app.limit()))
        .putHeader("x-app-limit-24hour-remaining", Integer.toString(app.remaining()))
        .putHeader("x-app-limit-24hour-reset", Long.toString(app.resetAtSeconds()))
        .putHeader("x-rate-limit-limit", Integer.toString(window.limit()))
        .putHeader("x-rate-limit-remaining", Integer.toString(window.remaining()))
        .putHeader("x-rate-limit-reset", Long.toString(window.resetAtSeconds()))
        .putHeader("x-user-limit-24hour-limit", Integer.toString(day.limit()))
        .putHeader("x-user-limit-24hour-remaining", Integer.toString(day.remaining()))
        .putHeader("x-user-limit-24hour-reset", Long.toString(day.resetAtSeconds()));
  }

  static void unauthorized(RoutingContext ctx) {
    send(ctx, 401, problem("Unauthorized", "Unauthorized", "about:blank", 401));
  }

  static void tooManyRequests(RoutingContext ctx) {
    send(ctx, 429, problem("Too Many Requests", "Too Many Requests", "about:blank", 429));
  }

  static void notFound(RoutingContext ctx) {
    send(ctx, 404, problem("Not Found Error", "The requested resource does not exist.",
        PROBLEMS + "resource-not-found", 404));
  }

  static void duplicate(RoutingContext ctx) {
    send(ctx, 403, problem("Forbidden", "You are not allowed to create a Tweet with duplicate content.",
        PROBLEMS + "duplicate", 403));
  }

  static void replyTargetGone(RoutingContext ctx) {
    send(ctx, 403, problem("Forbidden", "You attempted to reply to a Tweet that is deleted or not visible to you.",
        "about:blank", 403));
  }

  /** A 400 invalid-request problem naming the offending parameter, as X does for body validation. */
  static void invalid(RoutingContext ctx, String parameter, String value, String message) {
    JsonObject error = new JsonObject()
        .put("parameters", new JsonObject().put(parameter, new JsonArray().add(value)))
        .put("message", message);
    JsonObject body = problem("Invalid Request", "One or more parameters to your request was invalid.",
        PROBLEMS + "invalid-request", 400).put("errors", new JsonArray().add(error));
    send(ctx, 400, body);
  }

  private static JsonObject problem(String title, String detail, String type, int status) {
    return new JsonObject().put("title", title).put("detail", detail).put("type", type).put("status", status);
  }

  private static void send(RoutingContext ctx, int status, JsonObject body) {
    ctx.response().setStatusCode(status).putHeader("Content-Type", "application/problem+json").end(body.encode());
  }
}
