package io.chorus.web.catalog;

import io.vertx.core.eventbus.EventBus;
import io.vertx.ext.web.Router;

/**
 * Brands, their platform accounts and their campaigns under {@code /api/v1/brands}: listed, read,
 * created and changed through the catalog service over the bus. Reads need {@code READ}; changes
 * need {@code CATALOG_WRITE}, and creating a brand a caller bound to no brand. A caller bound to a
 * brand sees only that brand; another brand's rows are "not found". Rows the configuration declares
 * are read-only here (409); credentials are write-only.
 */
public final class CatalogApi {
  static final String BRANDS = "/api/v1/brands";

  private CatalogApi() {}

  /** Mounts the routes; authentication and body parsing of {@code /api/v1/*} come before them. */
  public static void mount(Router router, EventBus bus, long requestTimeoutMs) {
    CatalogCalls calls = new CatalogCalls(bus, requestTimeoutMs);
    BrandRoutes.mount(router, calls);
    AccountRoutes.mount(router, calls);
    CampaignRoutes.mount(router, calls);
  }
}
