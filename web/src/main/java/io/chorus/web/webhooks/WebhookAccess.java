package io.chorus.web.webhooks;

import io.chorus.web.auth.Actor;
import io.chorus.web.problem.Problem;
import io.vertx.ext.web.RoutingContext;

/**
 * Which brand's webhooks a caller may manage: the one place the webhook API decides it. Today the
 * API knows one principal, the bootstrap administrator (or anonymous callers of an open API), who
 * may act for any brand; a token bound to a brand will narrow {@link #scope} to that brand.
 */
final class WebhookAccess {
  private WebhookAccess() {}

  /**
   * The brand a request acts for: the brand it names, or null for every brand the caller may see.
   *
   * @param refusal a 403 problem when the caller may not act for the brand named, else null
   */
  record Scope(String brandId, Problem refusal) {}

  static Scope scope(RoutingContext rc, String requestedBrand) {
    String actor = Actor.of(rc);
    if (Actor.BOOTSTRAP_ADMIN.equals(actor) || Actor.ANONYMOUS.equals(actor)) {
      return new Scope(requestedBrand, null);
    }
    return new Scope(null, Problem.of("urn:chorus:problem:forbidden", "Forbidden", 403,
        "This caller may not manage webhooks."));
  }
}
