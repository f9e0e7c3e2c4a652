package io.chorus.simulator.linkedin;

import io.chorus.simulator.support.Grants;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** LinkedIn REST error bodies: {@code {"status","serviceErrorCode","code","message"}}. */
final class LinkedInErrors {

  private LinkedInErrors() {
  }

  static void unauthorized(RoutingContext ctx) {
    send(ctx, 401, 65600, "INVALID_ACCESS_TOKEN", "Invalid access token");
  }

  /** A token that expired (65602) or that the member revoked (65601). */
  static void refusedToken(RoutingContext ctx, Grants.Refusal refusal) {
    if (refusal == Grants.Refusal.EXPIRED) {
      send(ctx, 401, 65602, "EXPIRED_ACCESS_TOKEN", "The token used in the request has expired");
    } else {
      send(ctx, 401, 65601, "REVOKED_ACCESS_TOKEN", "The token used in the request has been revoked by the user");
    }
  }

  static void badProtocol(RoutingContext ctx) {
    send(ctx, 400, 100, "ILLEGAL_ARGUMENT",
        "The X-Restli-Protocol-Version header must be 2.0.0 for this resource.");
  }

  static void missingVersion(RoutingContext ctx) {
    send(ctx, 426, 0, "VERSION_MISSING",
        "A version must be present. Please specify a version by adding the LinkedIn-Version header.");
  }

  static void inactiveVersion(RoutingContext ctx, String version) {
    send(ctx, 426, 0, "NONEXISTENT_VERSION", "Requested version " + version + " is not active");
  }

  static void forbidden(RoutingContext ctx, String author) {
    send(ctx, 403, 100, "ACCESS_DENIED", "Not enough permissions to post as " + author);
  }

  static void badBody(RoutingContext ctx) {
    send(ctx, 400, 100, "ILLEGAL_ARGUMENT", "Request body is not a valid JSON object");
  }

  static void unprocessable(RoutingContext ctx, String message) {
    send(ctx, 422, 100, "UNPROCESSABLE_ENTITY", message);
  }

  static void throttled(RoutingContext ctx) {
    send(ctx, 429, 101, "TOO_MANY_REQUESTS",
        "Resource level throttle APPLICATION AND MEMBER DAY limit for calls to this resource is reached.");
  }

  static void notFound(RoutingContext ctx) {
    send(ctx, 404, 0, "NOT_FOUND", "No virtual resource found");
  }

  private static void send(RoutingContext ctx, int status, int serviceErrorCode, String code, String message) {
    JsonObject body = new JsonObject().put("status", status).put("serviceErrorCode", serviceErrorCode)
        .put("code", code).put("message", message);
    ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json").end(body.encode());
  }
}
