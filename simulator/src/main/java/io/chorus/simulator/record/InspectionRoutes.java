package io.chorus.simulator.record;

import io.chorus.simulator.support.SimulatedPlatform;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;

/** The {@code /_simulator} endpoints: what was posted, what was asked, and a reset for tests. */
public final class InspectionRoutes {

  private final Recorder recorder;
  private final List<SimulatedPlatform> platforms;

  public InspectionRoutes(Recorder recorder, List<SimulatedPlatform> platforms) {
    this.recorder = recorder;
    this.platforms = platforms;
  }

  public void mount(Router router) {
    router.get("/_simulator/posts").handler(this::posts);
    router.get("/_simulator/requests").handler(this::requests);
    router.get("/_simulator/stats").handler(ctx -> json(ctx, recorder.stats()));
    router.delete("/_simulator/posts").handler(this::clear);
    router.post("/_simulator/tokens").handler(ctx -> grant(ctx, false));
    router.post("/_simulator/tokens/revoke").handler(ctx -> grant(ctx, true));
  }

  /**
   * {@code {"platform","user"}}: authorizing stands in for a person passing the platform's consent
   * screen and answers a new token pair; revoking ends every token of the user, as a person
   * removing the app's access does.
   */
  private void grant(RoutingContext ctx, boolean revoke) {
    JsonObject body;
    try {
      body = ctx.body().asJsonObject();
    } catch (RuntimeException unreadable) {
      body = null;
    }
    String platform = body == null ? null : body.getString("platform");
    String user = body == null ? null : body.getString("user");
    SimulatedPlatform target = platforms.stream()
        .filter(p -> p.id().equals(platform) && p.grants() != null).findFirst().orElse(null);
    if (target == null || user == null || user.isBlank()) {
      ctx.response().setStatusCode(400).putHeader("Content-Type", "application/json")
          .end(new JsonObject().put("error", "expected {\"platform\": one of x, facebook, instagram, linkedin, tiktok,"
              + " \"user\": the user's token or id}").encode());
    } else if (revoke) {
      target.grants().revoke(user);
      ctx.response().setStatusCode(204).end();
    } else {
      json(ctx, target.grants().authorize(user));
    }
  }

  private void posts(RoutingContext ctx) {
    JsonArray items = new JsonArray();
    recorder.posts(ctx.request().getParam("platform")).forEach(post -> items.add(post.toJson()));
    json(ctx, new JsonObject().put("items", items));
  }

  private void requests(RoutingContext ctx) {
    JsonArray items = new JsonArray();
    recorder.requests(ctx.request().getParam("platform")).forEach(req -> items.add(req.toJson()));
    json(ctx, new JsonObject().put("items", items));
  }

  private void clear(RoutingContext ctx) {
    recorder.clear();
    platforms.forEach(SimulatedPlatform::reset);
    ctx.response().setStatusCode(204).end();
  }

  private static void json(RoutingContext ctx, JsonObject body) {
    ctx.response().putHeader("Content-Type", "application/json").end(body.encode());
  }
}
