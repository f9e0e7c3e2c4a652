package io.chorus.web.catalog;

import static io.chorus.web.catalog.CatalogApi.BRANDS;

import io.chorus.contracts.Addresses;
import io.chorus.contracts.tenants.BrandRequest;
import io.chorus.contracts.tenants.CatalogAction;
import io.chorus.contracts.tenants.CatalogRules;
import io.chorus.web.auth.Access;
import io.chorus.web.auth.Actor;
import io.chorus.web.auth.Permission;
import io.chorus.web.problem.JsonBody;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Set;

/**
 * {@code /api/v1/brands}: list, create (callers bound to no brand only), read and change a brand:
 * {@code {id, name, timeZone, voice, bannedWords}}.
 */
final class BrandRoutes {
  private static final Set<String> CHANGEABLE = Set.of("name", "timeZone", "voice", "bannedWords");
  private static final Set<String> CREATABLE = Set.of("id", "name", "timeZone", "voice", "bannedWords");

  private final CatalogCalls calls;

  private BrandRoutes(CatalogCalls calls) {
    this.calls = calls;
  }

  static void mount(Router router, CatalogCalls calls) {
    BrandRoutes routes = new BrandRoutes(calls);
    router.get(BRANDS).handler(Access.require(Permission.READ)).handler(routes::list);
    router.post(BRANDS).handler(Access.require(Permission.CATALOG_WRITE)).handler(Access.requireAllBrands())
        .handler(routes::create);
    router.get(BRANDS + "/:brandId").handler(Access.require(Permission.READ)).handler(routes::get);
    router.patch(BRANDS + "/:brandId").handler(Access.require(Permission.CATALOG_WRITE)).handler(routes::update);
  }

  private void list(RoutingContext rc) {
    String brand = Access.listedBrand(rc, rc.queryParams().get("brand"));
    if (brand == Access.REFUSED) {
      return;
    }
    calls.ok(rc, Addresses.TENANTS_BRANDS, new BrandRequest(CatalogAction.LIST, brand, null, null, null, null,
        Actor.of(rc)));
  }

  private void get(RoutingContext rc) {
    String brandId = rc.pathParam("brandId");
    if (!Access.brand(rc, brandId)) {
      return;
    }
    calls.ok(rc, Addresses.TENANTS_BRANDS, new BrandRequest(CatalogAction.GET, brandId, null, null, null, null,
        Actor.of(rc)));
  }

  private void create(RoutingContext rc) {
    JsonBody body = JsonBody.of(rc).onlyFields(CREATABLE);
    String id = body.string("id", true);
    if (id != null) {
      body.check("id", CatalogRules.idProblem(id));
    }
    String name = body.text("name", 1, 200, true);
    Fields fields = fields(body);
    if (CatalogCalls.refused(rc, body.errors())) {
      return;
    }
    calls.created(rc, Addresses.TENANTS_BRANDS, new BrandRequest(CatalogAction.CREATE, id, name, fields.timeZone(),
        fields.voice(), fields.bannedWords(), Actor.of(rc)), brand -> BRANDS + "/" + brand.getString("id"));
  }

  private void update(RoutingContext rc) {
    String brandId = rc.pathParam("brandId");
    if (!Access.brand(rc, brandId)) {
      return;
    }
    JsonBody body = JsonBody.of(rc).onlyFields(CHANGEABLE);
    if (body.errors().isEmpty() && body.hasNoneOf(CHANGEABLE)) {
      body.error("body", "name at least one of name, timeZone, voice, bannedWords to change");
    }
    String name = body.text("name", 1, 200, false);
    Fields fields = fields(body);
    if (CatalogCalls.refused(rc, body.errors())) {
      return;
    }
    calls.ok(rc, Addresses.TENANTS_BRANDS, new BrandRequest(CatalogAction.UPDATE, brandId, name, fields.timeZone(),
        fields.voice(), fields.bannedWords(), Actor.of(rc)));
  }

  private record Fields(String timeZone, String voice, List<String> bannedWords) {}

  private static Fields fields(JsonBody body) {
    String timeZone = body.string("timeZone", false);
    if (timeZone != null) {
      body.check("timeZone", CatalogRules.timeZoneProblem(timeZone));
    }
    return new Fields(timeZone, body.anyString("voice"), body.strings("bannedWords", false));
  }
}
