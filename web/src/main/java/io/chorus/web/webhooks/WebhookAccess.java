package io.chorus.web.webhooks;

import io.chorus.web.auth.Access;
import io.chorus.web.auth.Principal;
import io.chorus.web.problem.Problem;
import io.vertx.ext.web.RoutingContext;

/**
 * Which brand's webhooks a caller may manage: the one place the webhook API decides it. A caller
 * for every brand acts for the brand it names (or all of them); a caller bound to a brand acts for
 * that brand only, and another brand's subscriptions are "not found" to it.
 */
final class WebhookAccess {
  private WebhookAccess() {}

  /**
   * The brand a request acts for: the brand it names, or null for every brand the caller may see.
   *
   * @param refusal a 404 problem when the caller may not act for the brand named, else null
   */
  record Scope(String brandId, Problem refusal) {}

  static Scope scope(RoutingContext rc, String requestedBrand) {
    Principal principal = Principal.of(rc);
    if (principal.allBrands()) {
      return new Scope(requestedBrand, null);
    }
    if (requestedBrand == null || principal.mayAccess(requestedBrand)) {
      return new Scope(principal.brandId(), null);
    }
    return new Scope(null, Access.notFound());
  }
}
