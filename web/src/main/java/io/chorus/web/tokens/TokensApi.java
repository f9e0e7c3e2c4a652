package io.chorus.web.tokens;

import io.chorus.contracts.Addresses;
import io.chorus.contracts.JsonRecordCodec;
import io.chorus.contracts.tenants.ApiToken;
import io.chorus.contracts.tenants.ApiTokenPage;
import io.chorus.contracts.tenants.TokenAction;
import io.chorus.contracts.tenants.TokenRequest;
import io.chorus.web.auth.Access;
import io.chorus.web.auth.Permission;
import io.chorus.web.auth.Principal;
import io.chorus.web.auth.Role;
import io.chorus.web.problem.FieldError;
import io.chorus.web.problem.Problem;
import io.chorus.web.problem.Problems;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.Router;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code /api/v1/tokens}: issue, list and revoke API tokens. A new token's secret is in the reply
 * to its creation and nowhere else, ever. A caller bound to a brand manages that brand's tokens
 * only, and the tokens it issues are bound to that brand too.
 */
public final class TokensApi {
  static final String BASE = "/api/v1/tokens";

  private final EventBus bus;
  private final DeliveryOptions delivery;

  private TokensApi(EventBus bus, long requestTimeoutMs) {
    this.bus = bus;
    this.delivery = new DeliveryOptions().setSendTimeout(requestTimeoutMs);
  }

  /** Mounts the routes; authentication and body parsing of {@code /api/v1/*} come before them. */
  public static void mount(Router router, EventBus bus, long requestTimeoutMs) {
    TokensApi api = new TokensApi(bus, requestTimeoutMs);
    router.route(BASE).handler(Access.require(Permission.TOKENS_MANAGE));
    router.route(BASE + "/*").handler(Access.require(Permission.TOKENS_MANAGE));
    router.get(BASE).handler(api::list);
    router.post(BASE).handler(api::issue);
    router.delete(BASE + "/:tokenId").handler(api::revoke);
  }

  private void list(RoutingContext rc) {
    Principal principal = Principal.of(rc);
    bus.<ApiTokenPage>request(Addresses.TENANTS_TOKENS,
            new TokenRequest(TokenAction.LIST, null, null, null, null, principal.brandId(), principal.actor()), delivery)
        .onSuccess(reply -> json(rc, 200, new JsonObject().put("items", new JsonArray(
            reply.body().items().stream().map(TokensApi::toJson).toList()))))
        .onFailure(failure -> Problems.send(rc, Problems.fromFailure(failure)));
  }

  private void issue(RoutingContext rc) {
    JsonObject body;
    try {
      body = rc.body().asJsonObject();
    } catch (DecodeException | ClassCastException notAnObject) {
      body = null;
    }
    if (body == null) {
      Problems.send(rc, Problem.invalidRequest(List.of(new FieldError("body", "must be a JSON object"))));
      return;
    }
    List<FieldError> errors = new ArrayList<>();
    String name = body.getValue("name") instanceof String text && !text.isBlank() ? text.trim() : null;
    if (name == null) {
      errors.add(new FieldError("name", "is required, as a non-empty string"));
    }
    Role role = body.getValue("role") instanceof String text ? Role.fromId(text) : null;
    if (role == null) {
      errors.add(new FieldError("role", "must be one of admin, editor, reviewer, viewer, partner"));
    }
    Object brandValue = body.getValue("brandId");
    if (brandValue != null && !(brandValue instanceof String)) {
      errors.add(new FieldError("brandId", "must be a brand id, or absent for every brand"));
    }
    if (!errors.isEmpty()) {
      Problems.send(rc, Problem.invalidRequest(errors));
      return;
    }
    Principal principal = Principal.of(rc);
    String brandId = (String) brandValue;
    if (!principal.allBrands()) {
      // A brand's administrator cannot mint a token wider than itself.
      if (brandId != null && !principal.mayAccess(brandId)) {
        Problems.send(rc, Access.notFound());
        return;
      }
      brandId = principal.brandId();
    }
    TokenRequest request = new TokenRequest(TokenAction.ISSUE, null, null, name, role.id(), brandId,
        principal.actor());
    bus.<ApiToken>request(Addresses.TENANTS_TOKENS, request, delivery)
        .onSuccess(reply -> {
          ApiToken token = reply.body();
          rc.response().putHeader(HttpHeaders.LOCATION, BASE + "/" + token.id())
              .putHeader(HttpHeaders.CACHE_CONTROL, "no-store");
          json(rc, 201, toJson(token).put("token", token.secret()));
        })
        .onFailure(failure -> Problems.send(rc, Problems.fromFailure(failure)));
  }

  private void revoke(RoutingContext rc) {
    Principal principal = Principal.of(rc);
    TokenRequest request = new TokenRequest(TokenAction.REVOKE, rc.pathParam("tokenId"), null, null, null,
        principal.brandId(), principal.actor());
    bus.<ApiToken>request(Addresses.TENANTS_TOKENS, request, delivery)
        .onSuccess(reply -> rc.response().setStatusCode(204).end())
        .onFailure(failure -> Problems.send(rc, Problems.fromFailure(failure)));
  }

  /** A token as lists show it: never its secret. */
  private static JsonObject toJson(ApiToken token) {
    JsonObject json = JsonRecordCodec.toJsonObject(token);
    json.remove("secret");
    return json;
  }

  private static void json(RoutingContext rc, int status, JsonObject body) {
    rc.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, "application/json").end(body.encode());
  }
}
