package io.chorus.web.auth;

import io.chorus.contracts.Addresses;
import io.chorus.contracts.ChorusError;
import io.chorus.contracts.ErrorCode;
import io.chorus.contracts.tenants.ApiToken;
import io.chorus.contracts.tenants.TokenRequest;
import io.chorus.web.problem.Problem;
import io.chorus.web.problem.ProblemTypes;
import io.chorus.web.problem.Problems;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

/**
 * Lets through only requests that carry a live API token, in the {@code Authorization} header or,
 * for routes that allow it, in the {@code access_token} query parameter (browsers' EventSource
 * cannot send headers). The token service says whom the token stands for; the request then acts
 * as that {@link Principal}.
 */
public final class BearerTokenHandler implements Handler<RoutingContext> {
  /** The query parameter that may carry the token where headers cannot. */
  public static final String ACCESS_TOKEN_PARAM = "access_token";

  private static final String BEARER = "Bearer ";
  private static final String ACTOR_PREFIX = "token:";

  private final EventBus bus;
  private final DeliveryOptions delivery;
  private final boolean acceptQueryToken;

  private BearerTokenHandler(EventBus bus, long requestTimeoutMs, boolean acceptQueryToken) {
    this.bus = bus;
    this.delivery = new DeliveryOptions().setSendTimeout(requestTimeoutMs);
    this.acceptQueryToken = acceptQueryToken;
  }

  /** A handler that accepts the token in the {@code Authorization} header only. */
  public static BearerTokenHandler create(EventBus bus, long requestTimeoutMs) {
    return new BearerTokenHandler(bus, requestTimeoutMs, false);
  }

  /** A handler that also accepts the token as {@code ?access_token=}, for event streams. */
  public static BearerTokenHandler createAcceptingQueryToken(EventBus bus, long requestTimeoutMs) {
    return new BearerTokenHandler(bus, requestTimeoutMs, true);
  }

  /** Whom {@code token} stands for, or null when it is no live token. */
  public Future<Principal> principalFor(String token) {
    if (token == null || token.isEmpty()) {
      return Future.succeededFuture(null);
    }
    return bus.<ApiToken>request(Addresses.TENANTS_TOKENS, TokenRequest.authenticate(token), delivery)
        .map(reply -> principalOf(reply.body()))
        .recover(failure -> ChorusError.from(failure).code() == ErrorCode.NOT_FOUND
            ? Future.succeededFuture(null)
            : Future.failedFuture(failure));
  }

  /**
   * Whom the principal's token stands for now (its role or brand may have changed), or null when
   * the token has been revoked since, or the principal stands for no token.
   */
  public Future<Principal> current(Principal principal) {
    if (!principal.actor().startsWith(ACTOR_PREFIX)) {
      return Future.succeededFuture(null);
    }
    return bus.<ApiToken>request(Addresses.TENANTS_TOKENS,
            TokenRequest.check(principal.actor().substring(ACTOR_PREFIX.length())), delivery)
        .map(reply -> principalOf(reply.body()))
        .recover(failure -> ChorusError.from(failure).code() == ErrorCode.NOT_FOUND
            ? Future.succeededFuture(null)
            : Future.failedFuture(failure));
  }

  /** The principal a token stands for; its actor names the token, never its secret. */
  public static Principal principalOf(ApiToken token) {
    Role role = Role.fromId(token.role());
    if (role == null) {
      throw new IllegalStateException("token " + token.id() + " has an unknown role " + token.role());
    }
    return new Principal(ACTOR_PREFIX + token.id(), role, token.brandId());
  }

  @Override
  public void handle(RoutingContext rc) {
    String presented = presentedToken(rc);
    if (presented == null) {
      refuse(rc, "This API needs a bearer token.");
      return;
    }
    // The body is read by a later handler; hold it while the token is checked.
    rc.request().pause();
    principalFor(presented).onComplete(checked -> {
      rc.request().resume();
      if (checked.failed()) {
        Problems.send(rc, Problem.of(ProblemTypes.SERVICE_UNAVAILABLE, "Tokens unavailable", 503,
            "The token service does not answer; try again shortly."));
      } else if (checked.result() == null) {
        refuse(rc, "The bearer token is not valid.");
      } else {
        Principal.authenticated(rc, checked.result());
        rc.next();
      }
    });
  }

  private static void refuse(RoutingContext rc, String detail) {
    rc.response().putHeader("WWW-Authenticate", "Bearer");
    Problems.send(rc, Problem.of(ProblemTypes.UNAUTHORIZED, "Unauthorized", 401, detail));
  }

  private String presentedToken(RoutingContext rc) {
    String header = rc.request().getHeader(HttpHeaders.AUTHORIZATION);
    if (header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      String token = header.substring(BEARER.length()).trim();
      return token.isEmpty() ? null : token;
    }
    String query = acceptQueryToken ? rc.request().getParam(ACCESS_TOKEN_PARAM) : null;
    return query == null || query.isEmpty() ? null : query;
  }
}
