package io.chorus.simulator.meta;

import io.chorus.simulator.support.RateWindow;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** Meta's hourly call quota per token, reported as percentages in the {@code X-App-Usage} header. */
public final class AppUsage {

  private static final long ONE_HOUR = 60 * 60 * 1000L;

  private final RateWindow calls;

  public AppUsage(int callsPerHour) {
    this.calls = new RateWindow(callsPerHour, ONE_HOUR, false);
  }

  /**
   * Admits a call that carries a token and has quota left; otherwise answers (code 190 for a
   * missing token, code 4 for a spent quota) and returns false.
   */
  public boolean admit(RoutingContext ctx, GraphParams params) {
    String token = params.accessToken(ctx);
    if (token == null) {
      GraphErrors.missingToken(ctx);
      return false;
    }
    return admit(ctx, token);
  }

  /** Counts the call and sets the header; false (after answering code 4) when the quota is spent. */
  private boolean admit(RoutingContext ctx, String token) {
    RateWindow.Usage usage = calls.consume(token);
    int percent = (int) Math.min(100, Math.round(usage.used() * 100.0 / usage.limit()));
    JsonObject header = new JsonObject().put("call_count", usage.allowed() ? percent : 100)
        .put("total_cputime", percent / 4).put("total_time", percent / 4);
    ctx.response().putHeader("X-App-Usage", header.encode());
    if (!usage.allowed()) {
      GraphErrors.appLimitReached(ctx);
    }
    return usage.allowed();
  }

  public void clear() {
    calls.clear();
  }
}
