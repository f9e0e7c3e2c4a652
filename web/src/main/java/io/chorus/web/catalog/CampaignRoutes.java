package io.chorus.web.catalog;

import static io.chorus.web.catalog.CatalogApi.BRANDS;

import io.chorus.contracts.Addresses;
import io.chorus.contracts.Platform;
import io.chorus.contracts.tenants.CampaignCalendar;
import io.chorus.contracts.tenants.CampaignRequest;
import io.chorus.contracts.tenants.CatalogAction;
import io.chorus.contracts.tenants.CatalogRules;
import io.chorus.web.auth.Access;
import io.chorus.web.auth.Actor;
import io.chorus.web.auth.Permission;
import io.chorus.web.problem.JsonBody;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * {@code /api/v1/brands/{brandId}/campaigns}: a brand's campaigns, listed, created, read and
 * changed: {@code {id, name, brief, keyMessages, hashtags, callToAction, platforms, calendar:
 * {everySeconds, startsAt, endsAt, maxSlots}}}. A calendar given on change replaces the old one
 * (its start stays when none is given).
 */
final class CampaignRoutes {
  private static final String CAMPAIGNS = BRANDS + "/:brandId/campaigns";
  private static final Set<String> CHANGEABLE = Set.of("name", "brief", "keyMessages", "hashtags", "callToAction",
      "platforms", "calendar");
  private static final Set<String> CREATABLE = Set.of("id", "name", "brief", "keyMessages", "hashtags",
      "callToAction", "platforms", "calendar");
  private static final Set<String> CALENDAR = Set.of("everySeconds", "startsAt", "endsAt", "maxSlots");
  private static final String PLATFORMS = String.join(", ", Arrays.stream(Platform.values()).map(Platform::id).toList());

  private final CatalogCalls calls;

  private CampaignRoutes(CatalogCalls calls) {
    this.calls = calls;
  }

  static void mount(Router router, CatalogCalls calls) {
    CampaignRoutes routes = new CampaignRoutes(calls);
    router.get(CAMPAIGNS).handler(Access.require(Permission.READ)).handler(rc -> routes.read(rc, CatalogAction.LIST));
    router.post(CAMPAIGNS).handler(Access.require(Permission.CATALOG_WRITE)).handler(routes::create);
    router.get(CAMPAIGNS + "/:campaignId").handler(Access.require(Permission.READ))
        .handler(rc -> routes.read(rc, CatalogAction.GET));
    router.patch(CAMPAIGNS + "/:campaignId").handler(Access.require(Permission.CATALOG_WRITE)).handler(routes::update);
  }

  private void read(RoutingContext rc, CatalogAction action) {
    String brandId = rc.pathParam("brandId");
    if (Access.brand(rc, brandId)) {
      calls.ok(rc, Addresses.TENANTS_CAMPAIGNS, new CampaignRequest(action, brandId, rc.pathParam("campaignId"), null,
          null, null, null, null, null, null, Actor.of(rc)));
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
    CampaignRequest fields = fields(body, CatalogAction.CREATE, brandId, id, true, Actor.of(rc));
    if (CatalogCalls.refused(rc, body.errors())) {
      return;
    }
    calls.created(rc, Addresses.TENANTS_CAMPAIGNS, fields,
        campaign -> BRANDS + "/" + brandId + "/campaigns/" + campaign.getString("id"));
  }

  private void update(RoutingContext rc) {
    String brandId = rc.pathParam("brandId");
    if (!Access.brand(rc, brandId)) {
      return;
    }
    JsonBody body = JsonBody.of(rc).onlyFields(CHANGEABLE);
    if (body.errors().isEmpty() && body.hasNoneOf(CHANGEABLE)) {
      body.error("body", "name at least one of " + String.join(", ", CHANGEABLE.stream().sorted().toList())
          + " to change");
    }
    CampaignRequest fields = fields(body, CatalogAction.UPDATE, brandId, rc.pathParam("campaignId"), false,
        Actor.of(rc));
    if (CatalogCalls.refused(rc, body.errors())) {
      return;
    }
    calls.ok(rc, Addresses.TENANTS_CAMPAIGNS, fields);
  }

  /** Reads every field but the id; {@code creating} makes name, brief, platforms and calendar required. */
  private static CampaignRequest fields(JsonBody body, CatalogAction action, String brandId, String id,
      boolean creating, String actor) {
    String name = body.text("name", 1, 200, creating);
    String brief = body.text("brief", 1, 10_000, creating);
    List<String> keyMessages = body.strings("keyMessages", false);
    List<String> hashtags = body.strings("hashtags", false);
    if (hashtags != null) {
      body.check("hashtags", CatalogRules.hashtagsProblem(hashtags));
    }
    String callToAction = body.anyString("callToAction");
    List<Platform> platforms = platforms(body, creating);
    CampaignCalendar calendar = calendar(body, creating);
    return new CampaignRequest(action, brandId, id, name, brief, keyMessages, hashtags, callToAction, platforms,
        calendar, actor);
  }

  private static List<Platform> platforms(JsonBody body, boolean required) {
    List<String> ids = body.strings("platforms", required);
    if (ids == null) {
      return null;
    }
    List<Platform> platforms = new ArrayList<>();
    for (String id : ids) {
      Platform platform = Platform.find(id).orElse(null);
      if (platform == null) {
        body.error("platforms", "unknown platform '" + id + "'; expected any of " + PLATFORMS);
        return null;
      }
      if (platforms.contains(platform)) {
        body.error("platforms", "names " + id + " twice");
        return null;
      }
      platforms.add(platform);
    }
    if (platforms.isEmpty()) {
      body.error("platforms", "name at least one of " + PLATFORMS);
      return null;
    }
    return platforms;
  }

  private static CampaignCalendar calendar(JsonBody body, boolean required) {
    JsonBody calendar = body.object("calendar", required);
    if (calendar == null) {
      return null;
    }
    calendar.onlyFields(CALENDAR);
    Integer everySeconds = calendar.integer("everySeconds", 1, true);
    Instant startsAt = calendar.instant("startsAt");
    Instant endsAt = calendar.instant("endsAt");
    Integer maxSlots = calendar.integer("maxSlots", 1, false);
    if (startsAt != null && endsAt != null && !endsAt.isAfter(startsAt)) {
      calendar.error("endsAt", "must be after startsAt");
    }
    return everySeconds == null ? null : new CampaignCalendar(everySeconds, startsAt, endsAt, maxSlots);
  }
}
