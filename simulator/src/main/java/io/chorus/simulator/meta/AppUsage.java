package io.chorus.simulator.meta;

import io.chorus.simulator.support.RateWindow;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * Meta's call budgets: each business object (a Page, an Instagram account, known here by its
 * token) has its own hourly budget, reported in {@code X-Business-Use-Case-Usage} and throttled
 * with the platform's business-use-case code (80001 Pages, 80002 Instagram) and an
 * {@code estimated_time_to_regain_access}; the whole app has one more, reported in
 * {@code X-App-Usage} and throttled with code 4. Usage values are percentages of the budget.
 */
public final class AppUsage {

  private static final long ONE_HOUR = 60 * 60 * 1000L;
  private static final String APP = "app";

  private final RateWindow objectCalls;
  private final RateWindow appCalls;
  private final String useCaseType;
  private final int useCaseCode;

  /**
   * @param useCaseType the business use case, {@code pages} or {@code instagram}
   * @param useCaseCode its throttle code, 80001 or 80002
   */
  public AppUsage(int callsPerHour, int appCallsPerHour, String useCaseType, int useCaseCode) {
    this.objectCalls = new RateWindow(callsPerHour, ONE_HOUR, false);
    this.appCalls = new RateWindow(appCallsPerHour, ONE_HOUR, false);
    this.useCaseType = useCaseType;
    this.useCaseCode = useCaseCode;
  }

  /**
   * Admits a call that carries a token and has budget left; otherwise answers (code 190 for a
   * missing token, the use case's code or 4 for a spent budget) and returns false.
   */
  public boolean admit(RoutingContext ctx, GraphParams params) {
    String token = params.accessToken(ctx);
    if (token == null) {
      GraphErrors.missingToken(ctx);
      return false;
    }
    RateWindow.Usage app = appCalls.peek(APP);
    RateWindow.Usage object = app.allowed() ? objectCalls.consume(token) : objectCalls.peek(token);
    if (app.allowed() && object.allowed()) {
      app = appCalls.consume(APP);
    }
    ctx.response().putHeader("X-App-Usage", usage(app, app.allowed()).encode());
    long regainMinutes = object.allowed() ? 0
        : Math.max(1, (object.resetAtMillis() - System.currentTimeMillis() + 59_999) / 60_000);
    JsonObject useCase = usage(object, object.allowed()).put("type", useCaseType)
        .put("estimated_time_to_regain_access", regainMinutes);
    ctx.response().putHeader("X-Business-Use-Case-Usage",
        new JsonObject().put(token, new JsonArray().add(useCase)).encode());
    if (!app.allowed()) {
      GraphErrors.appLimitReached(ctx);
      return false;
    }
    if (!object.allowed()) {
      GraphErrors.send(ctx, 400, GraphErrors.error("(#" + useCaseCode + ") There have been too many calls to this "
          + ("pages".equals(useCaseType) ? "Page" : "Instagram") + " account. Wait a bit and try again.",
          "OAuthException", useCaseCode).put("is_transient", true));
      return false;
    }
    return true;
  }

  private static JsonObject usage(RateWindow.Usage usage, boolean allowed) {
    int percent = allowed ? (int) Math.min(100, Math.round(usage.used() * 100.0 / usage.limit())) : 100;
    return new JsonObject().put("call_count", percent).put("total_cputime", percent / 4).put("total_time", percent / 4);
  }

  public void clear() {
    objectCalls.clear();
    appCalls.clear();
  }
}
