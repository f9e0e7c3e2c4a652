package io.chorus.web.auth;

import io.vertx.ext.web.RoutingContext;
import java.util.Objects;

/**
 * Who an API request acts as: a name for the audit trail, a role, and the one brand the caller is
 * bound to, or none for a caller who may act for every brand.
 *
 * @param actor the name review decisions and the audit log record, e.g. {@code token:7f3c…}
 * @param role what the caller may do
 * @param brandId the only brand the caller may see or change, or null for every brand
 */
public record Principal(String actor, Role role, String brandId) {
  /** Callers of an API that asks for no token: they may do everything, for every brand. */
  public static final Principal ANONYMOUS = new Principal(Actor.ANONYMOUS, Role.ADMIN, null);

  private static final String KEY = "chorus.principal";

  public Principal {
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(role, "role");
  }

  /** Records who the request was authenticated as, for {@link #of} and {@link Actor#of}. */
  public static void authenticated(RoutingContext rc, Principal principal) {
    rc.put(KEY, principal);
    Actor.authenticated(rc, principal.actor());
  }

  /** The request's principal: the authenticated one, or {@link #ANONYMOUS} when none was asked for. */
  public static Principal of(RoutingContext rc) {
    Principal principal = rc.get(KEY);
    return principal == null ? ANONYMOUS : principal;
  }

  /** Whether the caller may act for every brand rather than one. */
  public boolean allBrands() {
    return brandId == null;
  }

  /** Whether the caller may see or change rows of {@code brand}. */
  public boolean mayAccess(String brand) {
    return brandId == null || brandId.equals(brand);
  }

  public boolean may(Permission permission) {
    return role.may(permission);
  }
}
