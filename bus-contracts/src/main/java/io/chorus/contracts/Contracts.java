package io.chorus.contracts;

import io.chorus.contracts.content.GenerateRequest;
import io.chorus.contracts.content.GeneratedContent;
import io.chorus.contracts.content.UsageQuery;
import io.chorus.contracts.content.UsageReport;
import io.chorus.contracts.content.ImageRequest;
import io.chorus.contracts.content.MediaFile;
import io.chorus.contracts.content.MediaQuery;
import io.chorus.contracts.content.StoredImage;
import io.chorus.contracts.events.InboundEventsStored;
import io.chorus.contracts.events.StoreInboundEvents;
import io.chorus.contracts.health.HealthQuery;
import io.chorus.contracts.health.HealthReport;
import io.chorus.contracts.leader.CoordinationNotice;
import io.chorus.contracts.metrics.CollectRequest;
import io.chorus.contracts.metrics.CollectResult;
import io.chorus.contracts.leader.Escalation;
import io.chorus.contracts.metrics.LiveMetrics;
import io.chorus.contracts.pipeline.PlanRequest;
import io.chorus.contracts.pipeline.PlanResult;
import io.chorus.contracts.pipeline.PostHistory;
import io.chorus.contracts.pipeline.PostHistoryQuery;
import io.chorus.contracts.pipeline.PostPage;
import io.chorus.contracts.pipeline.PostQuery;
import io.chorus.contracts.pipeline.PostCommand;
import io.chorus.contracts.pipeline.PostStateChanged;
import io.chorus.contracts.pipeline.PostVariants;
import io.chorus.contracts.pipeline.PostView;
import io.chorus.contracts.pipeline.ReviewDecision;
import io.chorus.contracts.pipeline.VariantsQuery;
import io.chorus.contracts.platform.AccountStatus;
import io.chorus.contracts.platform.OptimizeRequest;
import io.chorus.contracts.platform.OptimizedContent;
import io.chorus.contracts.platform.PlatformEvent;
import io.chorus.contracts.platform.PlatformEventHandled;
import io.chorus.contracts.platform.PublishRequest;
import io.chorus.contracts.platform.PublishResult;
import io.chorus.contracts.platform.Reauthorization;
import io.chorus.contracts.reports.ReportReady;
import io.chorus.contracts.platform.ReconcileRequest;
import io.chorus.contracts.platform.ReconcileResult;
import io.chorus.contracts.tenants.ApiToken;
import io.chorus.contracts.tenants.ApiTokenPage;
import io.chorus.contracts.tenants.TokenRequest;
import io.chorus.contracts.webhooks.WebhookDelivery;
import io.chorus.contracts.webhooks.WebhookDeliveryPage;
import io.chorus.contracts.webhooks.WebhookRequest;
import io.chorus.contracts.webhooks.WebhookSubscription;
import io.chorus.contracts.webhooks.WebhookSubscriptionPage;
import io.chorus.contracts.pipeline.DueCampaigns;
import io.chorus.contracts.pipeline.DueCampaignsQuery;
import io.chorus.contracts.pipeline.PostCreate;
import io.chorus.contracts.tenants.Account;
import io.chorus.contracts.tenants.AccountChanged;
import io.chorus.contracts.tenants.AccountPage;
import io.chorus.contracts.tenants.AccountRequest;
import io.chorus.contracts.tenants.Brand;
import io.chorus.contracts.tenants.BrandPage;
import io.chorus.contracts.tenants.BrandRequest;
import io.chorus.contracts.tenants.Campaign;
import io.chorus.contracts.tenants.CampaignPage;
import io.chorus.contracts.tenants.CampaignRequest;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.EventBus;
import java.util.List;

/** The contract version, and the registration of every message codec on a Vert.x instance. */
public final class Contracts {
  /** The version of the bus contract this build speaks. */
  public static final int VERSION = 1;

  /** Every message record on the bus, each with its own codec. */
  public static final List<JsonRecordCodec<?>> CODECS = List.of(
      new JsonRecordCodec<>(GenerateRequest.class),
      new JsonRecordCodec<>(GeneratedContent.class),
      new JsonRecordCodec<>(UsageQuery.class),
      new JsonRecordCodec<>(UsageReport.class),
      new JsonRecordCodec<>(OptimizeRequest.class),
      new JsonRecordCodec<>(OptimizedContent.class),
      new JsonRecordCodec<>(PublishRequest.class),
      new JsonRecordCodec<>(PublishResult.class),
      new JsonRecordCodec<>(PlanRequest.class),
      new JsonRecordCodec<>(PlanResult.class),
      new JsonRecordCodec<>(PostQuery.class),
      new JsonRecordCodec<>(PostPage.class),
      new JsonRecordCodec<>(PostStateChanged.class),
      new JsonRecordCodec<>(LiveMetrics.class),
      new JsonRecordCodec<>(CoordinationNotice.class),
      new JsonRecordCodec<>(HealthQuery.class),
      new JsonRecordCodec<>(HealthReport.class),
      new JsonRecordCodec<>(ReviewDecision.class),
      new JsonRecordCodec<>(PostCommand.class),
      new JsonRecordCodec<>(PostView.class),
      new JsonRecordCodec<>(ReconcileRequest.class),
      new JsonRecordCodec<>(ReconcileResult.class),
      new JsonRecordCodec<>(PlatformEvent.class),
      new JsonRecordCodec<>(PlatformEventHandled.class),
      new JsonRecordCodec<>(VariantsQuery.class),
      new JsonRecordCodec<>(PostVariants.class),
      new JsonRecordCodec<>(ImageRequest.class),
      new JsonRecordCodec<>(StoredImage.class),
      new JsonRecordCodec<>(MediaQuery.class),
      new JsonRecordCodec<>(MediaFile.class),
      new JsonRecordCodec<>(CollectRequest.class),
      new JsonRecordCodec<>(CollectResult.class),
      new JsonRecordCodec<>(Escalation.class),
      new JsonRecordCodec<>(Reauthorization.class),
      new JsonRecordCodec<>(AccountStatus.class),
      new JsonRecordCodec<>(StoreInboundEvents.class),
      new JsonRecordCodec<>(InboundEventsStored.class),
      new JsonRecordCodec<>(WebhookRequest.class),
      new JsonRecordCodec<>(WebhookSubscription.class),
      new JsonRecordCodec<>(WebhookSubscriptionPage.class),
      new JsonRecordCodec<>(WebhookDelivery.class),
      new JsonRecordCodec<>(WebhookDeliveryPage.class),
      new JsonRecordCodec<>(TokenRequest.class),
      new JsonRecordCodec<>(ApiToken.class),
      new JsonRecordCodec<>(ApiTokenPage.class),
      new JsonRecordCodec<>(PostHistoryQuery.class),
      new JsonRecordCodec<>(PostHistory.class),
      new JsonRecordCodec<>(ReportReady.class),
      new JsonRecordCodec<>(PostCreate.class),
      new JsonRecordCodec<>(DueCampaignsQuery.class),
      new JsonRecordCodec<>(DueCampaigns.class),
      new JsonRecordCodec<>(BrandRequest.class),
      new JsonRecordCodec<>(Brand.class),
      new JsonRecordCodec<>(BrandPage.class),
      new JsonRecordCodec<>(AccountRequest.class),
      new JsonRecordCodec<>(Account.class),
      new JsonRecordCodec<>(AccountPage.class),
      new JsonRecordCodec<>(AccountChanged.class),
      new JsonRecordCodec<>(CampaignRequest.class),
      new JsonRecordCodec<>(Campaign.class),
      new JsonRecordCodec<>(CampaignPage.class));

  private Contracts() {}

  /**
   * Registers every codec as the default for its record. Call once per Vert.x instance, before
   * deploying verticles; a second call on the same instance does nothing.
   */
  public static void registerCodecs(Vertx vertx) {
    EventBus bus = vertx.eventBus();
    for (JsonRecordCodec<?> codec : CODECS) {
      register(bus, codec);
    }
  }

  private static <T extends Record> void register(EventBus bus, JsonRecordCodec<T> codec) {
    try {
      bus.registerDefaultCodec(codec.type(), codec);
    } catch (IllegalStateException alreadyRegistered) {
      // Another verticle of this instance got here first; the codec is the same.
    }
  }
}
