package io.chorus.launcher;

import io.chorus.content.ContentVerticle;
import io.chorus.content.image.ImageVerticle;
import io.chorus.contracts.Platform;
import io.chorus.events.inbound.InboundDispatcherVerticle;
import io.chorus.events.inbound.InboundStoreVerticle;
import io.chorus.events.webhooks.SubscriptionsVerticle;
import io.chorus.events.webhooks.WebhookDeliveryVerticle;
import io.chorus.leader.TeamLeaderVerticle;
import io.chorus.metrics.LiveMetricsVerticle;
import io.chorus.metrics.collect.MetricsCollectorVerticle;
import io.chorus.pipeline.PipelineVerticle;
import io.chorus.pipeline.publishing.PublisherVerticle;
import io.chorus.pipeline.publishing.ReconcilerVerticle;
import io.chorus.pipeline.workflow.WorkflowVerticle;
import io.chorus.platform.PlatformAgentVerticle;
import io.chorus.tenants.catalog.CatalogVerticle;
import io.chorus.tenants.tokens.ApiTokensVerticle;
import io.chorus.web.WebVerticle;
import io.vertx.core.Deployable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Which verticles a node runs, by role, in deployment order: the agents that answer requests
 * first, then the pipeline that sends them (its first verticle writes the catalog), the events
 * (inbound webhooks to agents, outbox to partner webhooks), the Team Leader, the tenants (API tokens)
 * the web asks on every request, and the web last.
 */
enum Roles {
  CONTENT(ContentVerticle::new, ImageVerticle::new),
  FACEBOOK(() -> new PlatformAgentVerticle(Platform.FACEBOOK)),
  X(() -> new PlatformAgentVerticle(Platform.X)),
  INSTAGRAM(() -> new PlatformAgentVerticle(Platform.INSTAGRAM)),
  LINKEDIN(() -> new PlatformAgentVerticle(Platform.LINKEDIN)),
  TIKTOK(() -> new PlatformAgentVerticle(Platform.TIKTOK)),
  PIPELINE(PipelineVerticle::new, WorkflowVerticle::new, PublisherVerticle::new, ReconcilerVerticle::new),
  METRICS(LiveMetricsVerticle::new, MetricsCollectorVerticle::new),
  EVENTS(InboundStoreVerticle::new, InboundDispatcherVerticle::new, SubscriptionsVerticle::new,
      WebhookDeliveryVerticle::new),
  LEADER(TeamLeaderVerticle::new),
  TENANTS(ApiTokensVerticle::new, CatalogVerticle::new),
  WEB(WebVerticle::new);

  /** The role that stands for every other one. */
  static final String ALL = "all";

  private final List<Supplier<Deployable>> verticles;

  @SafeVarargs
  Roles(Supplier<Deployable>... verticles) {
    this.verticles = List.of(verticles);
  }

  String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  List<Supplier<Deployable>> verticles() {
    return verticles;
  }

  /** The roles named, in deployment order; {@code all} names every role. */
  static List<Roles> parse(List<String> names) {
    Set<Roles> chosen = new LinkedHashSet<>();
    for (String name : names) {
      String id = name.trim().toLowerCase(Locale.ROOT);
      if (id.equals(ALL)) {
        chosen.addAll(Arrays.asList(values()));
      } else {
        chosen.add(Arrays.stream(values()).filter(role -> role.id().equals(id)).findFirst()
            .orElseThrow(() -> new IllegalArgumentException("unknown role '" + name + "'; expected "
                + ALL + " or one of " + ids())));
      }
    }
    List<Roles> ordered = new ArrayList<>(Arrays.asList(values()));
    ordered.retainAll(chosen);
    return ordered;
  }

  static String ids() {
    return String.join(", ", Arrays.stream(values()).map(Roles::id).toList());
  }
}
