package io.chorus.simulator.meta;

import io.chorus.simulator.support.Grants;
import io.chorus.simulator.support.Ids;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** The Graph API error envelope shared by Facebook and Instagram: {@code {"error":{message,type,code,...}}}. */
public final class GraphErrors {

  private GraphErrors() {
  }

  public static void missingToken(RoutingContext ctx) {
    send(ctx, 400, error("An active access token must be used to query information about the current user.",
        "OAuthException", 190));
  }

  /** A token that expired (subcode 463) or whose authorization was revoked (subcode 460). */
  public static void refusedToken(RoutingContext ctx, Grants.Refusal refusal) {
    boolean expired = refusal == Grants.Refusal.EXPIRED;
    send(ctx, 400, error(expired
            ? "Error validating access token: Session has expired."
            : "Error validating access token: The session has been invalidated because the user changed their password or Facebook has changed the session for security reasons.",
        "OAuthException", 190).put("error_subcode", expired ? 463 : 460));
  }

  public static void invalidParameter(RoutingContext ctx, String message) {
    send(ctx, 400, error("(#100) " + message, "OAuthException", 100));
  }

  public static void appLimitReached(RoutingContext ctx) {
    send(ctx, 400, error("(#4) Application request limit reached", "OAuthException", 4)
        .put("is_transient", true));
  }

  public static void notFound(RoutingContext ctx) {
    send(ctx, 404, error("Unsupported request - method type: " + ctx.request().method().name().toLowerCase(),
        "GraphMethodException", 100));
  }

  /** An error for an object id that does not exist, as Graph reports it (code 100, subcode 33). */
  public static void unknownObject(RoutingContext ctx, String id) {
    send(ctx, 400, error("Unsupported request. Object with ID '" + id + "' does not exist, cannot be loaded "
        + "due to missing permissions, or does not support this operation.", "GraphMethodException", 100)
        .put("error_subcode", 33));
  }

  public static JsonObject error(String message, String type, int code) {
    return new JsonObject().put("message", message).put("type", type).put("code", code);
  }

  /** Sends an error object inside the envelope, adding the trace id Graph puts on every error. */
  public static void send(RoutingContext ctx, int status, JsonObject error) {
    error.put("fbtrace_id", Ids.trace(11));
    ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json; charset=UTF-8")
        .end(new JsonObject().put("error", error).encode());
  }

  public static void ok(RoutingContext ctx, JsonObject body) {
    ctx.response().putHeader("Content-Type", "application/json; charset=UTF-8").end(body.encode());
  }
}
