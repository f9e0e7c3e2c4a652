package io.chorus.web.auth;

import io.chorus.web.problem.Problem;
import io.chorus.web.problem.Problems;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.util.Locale;

/**
 * The route-level authorization checks: a route names the permission it needs, and a handler
 * that reads rows of a brand asks {@link #brand} before it answers. A caller bound to one brand
 * learns nothing about another's rows: they are "not found", as if they did not exist.
 */
public final class Access {
  public static final String FORBIDDEN = "urn:chorus:problem:forbidden";
  public static final String NOT_FOUND = "urn:chorus:problem:not-found";

  private Access() {}

  /** A handler that lets the request on only if its principal's role grants {@code permission}. */
  public static Handler<RoutingContext> require(Permission permission) {
    return rc -> {
      Principal principal = Principal.of(rc);
      if (principal.may(permission)) {
        rc.next();
      } else {
        Problems.send(rc, forbidden("The " + principal.role().id() + " role may not "
            + permission.name().toLowerCase(Locale.ROOT).replace('_', ' ') + "."));
      }
    };
  }

  /** A handler that lets the request on only if its principal may act for every brand. */
  public static Handler<RoutingContext> requireAllBrands() {
    return rc -> {
      if (Principal.of(rc).allBrands()) {
        rc.next();
      } else {
        Problems.send(rc, forbidden("A token bound to one brand may not do this."));
      }
    };
  }

  /**
   * Whether the request may touch rows of {@code brandId}; when not, answers 404 and returns false,
   * so the caller just returns.
   */
  public static boolean brand(RoutingContext rc, String brandId) {
    if (Principal.of(rc).mayAccess(brandId)) {
      return true;
    }
    Problems.send(rc, notFound());
    return false;
  }

  /**
   * The brand a listing is for: the one asked for in {@code requested} (may be null for all), narrowed
   * to the caller's brand. Null when the caller may list every brand and asked for none. When the
   * caller asked for a brand it may not see, answers 404 and returns {@link #REFUSED}.
   */
  public static String listedBrand(RoutingContext rc, String requested) {
    Principal principal = Principal.of(rc);
    if (requested == null || requested.isBlank()) {
      return principal.brandId();
    }
    if (principal.mayAccess(requested)) {
      return requested;
    }
    Problems.send(rc, notFound());
    return REFUSED;
  }

  /** What {@link #listedBrand} returns when it has already answered; compare with {@code ==}. */
  public static final String REFUSED = new String("refused");

  public static Problem forbidden(String detail) {
    return Problem.of(FORBIDDEN, "Forbidden", 403, detail);
  }

  public static Problem notFound() {
    return Problem.of(NOT_FOUND, "Not Found", 404, "There is no such resource.");
  }
}
