package io.chorus.web.catalog;

import static io.chorus.web.catalog.CatalogApi.BRANDS;

import io.chorus.contracts.Addresses;
import io.chorus.contracts.Platform;
import io.chorus.contracts.tenants.AccountCredentials;
import io.chorus.contracts.tenants.AccountRequest;
import io.chorus.contracts.tenants.CatalogAction;
import io.chorus.contracts.tenants.CatalogRules;
import io.chorus.web.auth.Access;
import io.chorus.web.auth.Actor;
import io.chorus.web.auth.Permission;
import io.chorus.web.problem.JsonBody;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.util.Arrays;
import java.util.Set;

/**
 * {@code /api/v1/brands/{brandId}/accounts}: a brand's platform accounts, listed, created, read,
 * changed and deleted. Credentials ({@code accessToken}, {@code refreshToken}, {@code expiresAt})
 * may be given on create and change, and are never answered: an account says {@code hasCredentials}.
 */
final class AccountRoutes {
  private static final String ACCOUNTS = BRANDS + "/:brandId/accounts";
  private static final Set<String> CREATABLE = Set.of("id", "platform", "handle", "externalId", "credentials");
  private static final Set<String> CHANGEABLE = Set.of("handle", "externalId", "status", "credentials");
  private static final Set<String> CREDENTIALS = Set.of("accessToken", "refreshToken", "expiresAt");
  private static final String PLATFORMS = String.join(", ", Arrays.stream(Platform.values()).map(Platform::id).toList());

  private final CatalogCalls calls;

  private AccountRoutes(CatalogCalls calls) {
    this.calls = calls;
  }

  static void mount(Router router, CatalogCalls calls) {
    AccountRoutes routes = new AccountRoutes(calls);
    router.get(ACCOUNTS).handler(Access.require(Permission.READ)).handler(routes::list);
    router.post(ACCOUNTS).handler(Access.require(Permission.CATALOG_WRITE)).handler(routes::create);
    router.get(ACCOUNTS + "/:accountId").handler(Access.require(Permission.READ))
        .handler(rc -> routes.one(rc, CatalogAction.GET));
    router.patch(ACCOUNTS + "/:accountId").handler(Access.require(Permission.CATALOG_WRITE)).handler(routes::update);
    router.delete(ACCOUNTS + "/:accountId").handler(Access.require(Permission.CATALOG_WRITE))
        .handler(rc -> routes.one(rc, CatalogAction.DELETE));
  }

  private void list(RoutingContext rc) {
    String brandId = rc.pathParam("brandId");
    if (Access.brand(rc, brandId)) {
      calls.ok(rc, Addresses.TENANTS_ACCOUNTS, request(rc, CatalogAction.LIST, null));
    }
  }

  private void one(RoutingContext rc, CatalogAction action) {
    if (!Access.brand(rc, rc.pathParam("brandId"))) {
      return;
    }
    AccountRequest request = request(rc, action, rc.pathParam("accountId"));
    if (action == CatalogAction.DELETE) {
      calls.noContent(rc, Addresses.TENANTS_ACCOUNTS, request);
    } else {
      calls.ok(rc, Addresses.TENANTS_ACCOUNTS, request);
    }
  }

  private void create(RoutingContext rc) {
    String brandId = rc.pathParam("brandId");
    if (!Access.brand(rc, brandId)) {
      return;
    }
    JsonBody body = JsonBody.of(rc).onlyFields(CREATABLE);
    String id = body.string("id", true);
    if (id != null) {
      body.check("id", CatalogRules.idProblem(id));
    }
    Platform platform = platform(body);
    String handle = body.text("handle", 1, 200, true);
    String externalId = body.text("externalId", 1, 200, true);
    AccountCredentials credentials = credentials(body);
    if (CatalogCalls.refused(rc, body.errors())) {
      return;
    }
    calls.created(rc, Addresses.TENANTS_ACCOUNTS, new AccountRequest(CatalogAction.CREATE, brandId, id, platform,
            handle, externalId, null, credentials, Actor.of(rc)),
        account -> BRANDS + "/" + brandId + "/accounts/" + account.getString("id"));
  }

  private void update(RoutingContext rc) {
    String brandId = rc.pathParam("brandId");
    if (!Access.brand(rc, brandId)) {
      return;
    }
    JsonBody body = JsonBody.of(rc).onlyFields(CHANGEABLE);
    if (body.errors().isEmpty() && body.hasNoneOf(CHANGEABLE)) {
      body.error("body", "name at least one of handle, externalId, status, credentials to change");
    }
    String handle = body.text("handle", 1, 200, false);
    String externalId = body.text("externalId", 1, 200, false);
    String status = body.string("status", false);
    if (status != null) {
      body.check("status", CatalogRules.statusProblem(status));
    }
    AccountCredentials credentials = credentials(body);
    if (CatalogCalls.refused(rc, body.errors())) {
      return;
    }
    calls.ok(rc, Addresses.TENANTS_ACCOUNTS, new AccountRequest(CatalogAction.UPDATE, brandId,
        rc.pathParam("accountId"), null, handle, externalId, status, credentials, Actor.of(rc)));
  }

  private static Platform platform(JsonBody body) {
    String id = body.string("platform", true);
    if (id == null) {
      return null;
    }
    Platform platform = Platform.find(id).orElse(null);
    if (platform == null) {
      body.error("platform", "unknown platform '" + id + "'; expected one of " + PLATFORMS);
    }
    return platform;
  }

  private static AccountCredentials credentials(JsonBody body) {
    JsonBody credentials = body.object("credentials", false);
    if (credentials == null) {
      return null;
    }
    credentials.onlyFields(CREDENTIALS);
    String accessToken = credentials.text("accessToken", 1, 8192, true);
    String refreshToken = credentials.text("refreshToken", 1, 8192, false);
    Instant expiresAt = credentials.instant("expiresAt");
    return new AccountCredentials(accessToken, refreshToken, expiresAt);
  }

  private static AccountRequest request(RoutingContext rc, CatalogAction action, String accountId) {
    return new AccountRequest(action, rc.pathParam("brandId"), accountId, null, null, null, null, null, Actor.of(rc));
  }
}
