package io.chorus.simulator.llm;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Arrays;
import java.util.Set;

/**
 * {@code /_simulator/faults}: tests inject provider faults (POST), list them (GET) and clear them
 * (DELETE). A POST body: {@code {"provider":"openai","fault":"rate_limited","key":"sk-1","times":2,
 * "delayMs":0,"retryAfterSeconds":1}}; {@code key} absent hits any key, {@code times} -1 lasts until cleared.
 */
public final class FaultRoutes {
  private static final Set<String> PROVIDERS = Set.of("openai", "anthropic");

  private final FaultBook faults;

  public FaultRoutes(FaultBook faults) {
    this.faults = faults;
  }

  public void mount(Router router) {
    router.post("/_simulator/faults").handler(this::add);
    router.get("/_simulator/faults").handler(ctx -> ctx.response().putHeader("Content-Type", "application/json")
        .end(new JsonObject().put("items", faults.toJson()).encode()));
    router.delete("/_simulator/faults").handler(ctx -> {
      faults.clear();
      ctx.response().setStatusCode(204).end();
    });
  }

  private void add(RoutingContext ctx) {
    JsonObject body;
    try {
      body = ctx.body().asJsonObject();
    } catch (DecodeException notJson) {
      body = null;
    }
    if (body == null) {
      refuse(ctx, "body must be a JSON object");
      return;
    }
    String provider = body.getString("provider");
    if (!PROVIDERS.contains(provider)) {
      refuse(ctx, "provider must be one of " + PROVIDERS);
      return;
    }
    FaultKind kind = FaultKind.find(body.getString("fault", "")).orElse(null);
    if (kind == null) {
      refuse(ctx, "fault must be one of " + Arrays.stream(FaultKind.values()).map(FaultKind::wireName).toList());
      return;
    }
    Fault fault = new Fault(kind, body.getString("key"), body.getInteger("times", 1),
        body.getLong("delayMs", 0L), body.getLong("retryAfterSeconds", 1L));
    faults.add(provider, fault);
    ctx.response().setStatusCode(201).putHeader("Content-Type", "application/json")
        .end(fault.toJson(provider).encode());
  }

  private static void refuse(RoutingContext ctx, String message) {
    ctx.response().setStatusCode(400).putHeader("Content-Type", "application/json")
        .end(new JsonObject().put("error", message).encode());
  }
}
