package io.chorus.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chorus.contracts.content.GenerateRequest;
import io.chorus.contracts.content.GeneratedContent;
import io.chorus.contracts.content.UsageLine;
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
import io.chorus.contracts.metrics.BrandMetrics;
import io.chorus.contracts.metrics.LatencySummary;
import io.chorus.contracts.metrics.CollectRequest;
import io.chorus.contracts.metrics.CollectResult;
import io.chorus.contracts.metrics.LiveMetrics;
import io.chorus.contracts.pipeline.PlanRequest;
import io.chorus.contracts.pipeline.PlanResult;
import io.chorus.contracts.pipeline.PostEvent;
import io.chorus.contracts.pipeline.PostHistory;
import io.chorus.contracts.pipeline.PostHistoryQuery;
import io.chorus.contracts.pipeline.PostPage;
import io.chorus.contracts.pipeline.PostQuery;
import io.chorus.contracts.pipeline.PostStateChanged;
import io.chorus.contracts.pipeline.PostView;
import io.chorus.contracts.pipeline.PostAction;
import io.chorus.contracts.pipeline.PostCommand;
import io.chorus.contracts.pipeline.ReviewDecision;
import io.chorus.contracts.pipeline.PostVariant;
import io.chorus.contracts.pipeline.PostVariants;
import io.chorus.contracts.pipeline.VariantsQuery;
import io.chorus.contracts.leader.Escalation;
import io.chorus.contracts.platform.AccountStatus;
import io.chorus.contracts.platform.PlatformEvent;
import io.chorus.contracts.platform.PlatformEventHandled;
import io.chorus.contracts.platform.Reauthorization;
import io.chorus.contracts.platform.ReconcileRequest;
import io.chorus.contracts.platform.ReconcileResult;
import io.chorus.contracts.platform.OptimizeRequest;
import io.chorus.contracts.platform.OptimizedContent;
import io.chorus.contracts.platform.PublishRequest;
import io.chorus.contracts.platform.PostType;
import io.chorus.contracts.platform.PublishResult;
import io.chorus.contracts.tenants.ApiToken;
import io.chorus.contracts.tenants.ApiTokenPage;
import io.chorus.contracts.tenants.TokenAction;
import io.chorus.contracts.tenants.TokenRequest;
import io.chorus.contracts.webhooks.WebhookAction;
import io.chorus.contracts.webhooks.WebhookDelivery;
import io.chorus.contracts.webhooks.WebhookDeliveryPage;
import io.chorus.contracts.webhooks.WebhookRequest;
import io.chorus.contracts.webhooks.WebhookSubscription;
import io.chorus.contracts.webhooks.WebhookSubscriptionPage;
import io.chorus.contracts.reports.ReportReady;
import io.chorus.contracts.pipeline.DueCampaigns;
import io.chorus.contracts.pipeline.DueCampaignsQuery;
import io.chorus.contracts.pipeline.PostCreate;
import io.chorus.contracts.pipeline.PostCursor;
import io.chorus.contracts.tenants.Account;
import io.chorus.contracts.tenants.AccountChanged;
import io.chorus.contracts.tenants.AccountCredentials;
import io.chorus.contracts.tenants.AccountPage;
import io.chorus.contracts.tenants.AccountRequest;
import io.chorus.contracts.tenants.Brand;
import io.chorus.contracts.tenants.BrandPage;
import io.chorus.contracts.tenants.BrandRequest;
import io.chorus.contracts.tenants.Campaign;
import io.chorus.contracts.tenants.CampaignCalendar;
import io.chorus.contracts.tenants.CampaignPage;
import io.chorus.contracts.tenants.CampaignRequest;
import io.chorus.contracts.tenants.CatalogAction;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CodecRoundTripTest {
  static final Instant AT = Instant.parse("2026-11-24T10:15:30.123Z");

  /** One sample of every record that travels the bus on its own. */
  static final List<Record> SAMPLES = List.of(
      new GenerateRequest("p1", "b1", "c1", Platform.X, "brief", "warm", List.of("k1"), List.of("#a"),
          List.of("t1"), "Visit us", 42L, "story", PostType.THREAD),
      new GeneratedContent("Hello 🌍 — 世界", "offline", "offline-v1", 120, 45, 0.000315),
      new UsageQuery("b1", LocalDate.parse("2026-11-01"), null),
      new UsageReport(List.of(new UsageLine(LocalDate.parse("2026-11-24"), "b1", "anthropic",
          "claude-sonnet-4-5", 3, 900, 300, 0.0072))),
      new OptimizeRequest("p1", "text", List.of("#a", "#b"), PostType.THREAD, "#ad"),
      new OptimizedContent("fitted", 6, 280, false),
      new PublishRequest("p1", "acct-1", "text", List.of("https://cdn.example/a.jpg"), 2, PostType.CAROUSEL),
      new PublishRequest("p1", "acct-1", "text", List.of(), 2, PostType.TEXT, "17895695668004550"),
      new PublishResult("p1", "1234567890123456789", AT),
      new PlanRequest("c1", AT),
      new PlanResult("c1", List.of("p1", "p2")),
      new PostQuery(PostState.PUBLISHED, Platform.TIKTOK, 50),
      new PostPage(List.of(new PostView("p1", "b1", "c1", "a1", Platform.LINKEDIN, PostState.SCHEDULED,
          "t", null, 1, AT, AT, null, AT, null))),
      new PostStateChanged("p1", "b1", Platform.FACEBOOK, PostState.PUBLISHING, PostState.PUBLISHED, AT),
      new LiveMetrics(AT, Map.of("x", Map.of("PUBLISHED", 3L)), new LatencySummary(3, 10.5, 20, 30),
          Map.of("x", 12.0), Map.of("b1", new BrandMetrics(Map.of("x", Map.of("PUBLISHED", 3L)), Map.of("x", 12.0)))),
      new CoordinationNotice("leader.elected", "node-1", "took the lead", AT),
      new HealthQuery(),
      new HealthReport("pipeline", true, false, "ok"),
      new ReviewDecision("p1", false, "ana@northwind", "tone is off", null),
      new PostCommand("p1", PostAction.RESCHEDULE, "ops", "later", AT),
      new PostView("p1", "b1", "c1", "a1", Platform.X, PostState.PUBLISHED, "t", "123", 1, AT, AT, AT, AT, null),
      new ReconcileRequest("p1", "a1", "text", AT),
      new ReconcileResult("p1", true, "123"),
      new PlatformEvent("e1", Platform.FACEBOOK, "page-1", PlatformEvent.Kind.COMMENT, "c-9", "post-3",
          "someone", "Is it decaf?", AT, "{\"field\":\"feed\"}"),
      new PlatformEventHandled("e1", "reply-drafted", "p7"),
      new VariantsQuery("p1"),
      new PostVariants("p1", List.of(new PostVariant(1, "story", "Once ☕", "offline", "offline-v2", true, AT, AT),
          new PostVariant(2, "question", "Why?", "openai", "gpt-4o-mini", false, null, AT))),
      new ImageRequest("p1", "b1", "c1", Platform.INSTAGRAM, "a cup of coffee at dawn", List.of("a.jpg"), 7L),
      new StoredImage("0b5e7a3e-1d3c-4c1e-8f55-4f5b1d0c9e21", "stability", "image/png", 1024, 1024, 20480,
          "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"),
      new MediaQuery("0b5e7a3e-1d3c-4c1e-8f55-4f5b1d0c9e21"),
      new MediaFile("0b5e7a3e-1d3c-4c1e-8f55-4f5b1d0c9e21", "image/jpeg", "9f86d0", "/9j/4AAQ"),
      new CollectRequest(List.of(new CollectRequest.Target("p1", "a1", "123", AT, 4))),
      new CollectResult(List.of(new CollectResult.PostMetrics("p1", "123", AT, Map.of("likes", 7L, "reach", 90L))),
          List.of("456"), List.of("789")),
      new Escalation(Escalation.REAUTHORIZATION_REQUIRED, Platform.X, "a1", "b1", "refresh token revoked", AT),
      new Reauthorization("a1", "access-2", "refresh-2", 7200),
      new AccountStatus("a1", Platform.LINKEDIN, AccountStatus.ACTIVE, AT),
      new StoreInboundEvents(List.of(new PlatformEvent("e2", Platform.X, "42", PlatformEvent.Kind.MENTION,
          "1799", null, "fan", "@northwind hi", AT, "{\"id_str\":\"1799\"}"))),
      new InboundEventsStored(1, 2),
      new WebhookRequest(WebhookAction.CREATE, "b1", null, null, "https://hooks.example/chorus",
          List.of("post.published"), "CRM sync", null, 0, "ops"),
      new WebhookSubscription("s1", "b1", "https://hooks.example/chorus", List.of("post.failed"), null, "ACTIVE",
          null, "whsec_c2VjcmV0", AT, AT, AT),
      new WebhookSubscriptionPage(List.of(new WebhookSubscription("s1", "b1", "https://hooks.example/chorus",
          List.of("post.published"), "CRM", "DISABLED", "410 Gone", null, null, AT, AT))),
      new WebhookDelivery("d1", "s1", "e1", "post.published", "DEAD", 8, AT, AT, 503, "503 from target", null, AT),
      new WebhookDeliveryPage(List.of(new WebhookDelivery("d1", "s1", "e1", "post.published", "SUCCEEDED", 1,
          AT, AT, 200, null, AT, AT))),
      new TokenRequest(TokenAction.ISSUE, null, null, "CRM sync", "partner", "b1", "token:admin"),
      TokenRequest.authenticate("chorus_secret"),
      TokenRequest.check("t1"),
      new ApiToken("t1", "CRM sync", "partner", "b1", "chorus_secret", "token:admin", AT, null, null),
      new ApiTokenPage(List.of(new ApiToken("t1", "ops", "admin", null, null, "bootstrap", AT, AT, AT))),
      new PostHistoryQuery("p1"),
      new PostHistory(new PostView("p1", "b1", "c1", "a1", Platform.X, PostState.FAILED, "t", null, 3, AT, AT, null, AT,
          "duplicate status"), List.of(new PostEvent(7, PostState.PUBLISHING, PostState.FAILED, "duplicate status", AT))),
      new ReportReady("r1", "b1", "weekly", "Week 47", AT),
      new PostQuery(null, Platform.X, 20, "b1", "c1", new PostCursor(AT, "0b5e7a3e-1d3c-4c1e-8f55-4f5b1d0c9e21")),
      new PostPage(List.of(), new PostCursor(AT, "p9")),
      new PostCreate("b1", "a1", null, "Written by a partner ✍", "https://cdn.example/a.jpg", AT, "token:7f3c"),
      new DueCampaignsQuery(AT),
      new DueCampaigns(List.of("c1", "c2")),
      new BrandRequest(CatalogAction.UPDATE, "b1", null, "Europe/Paris", null, List.of("cheap"), "ops"),
      new Brand("b1", "Northwind", "Europe/Paris", "warm", List.of("cheap"), "api", AT, AT),
      new BrandPage(List.of(new Brand("b1", "Northwind", "UTC", "", List.of(), "config", AT, AT))),
      new AccountRequest(CatalogAction.CREATE, "b1", "a1", Platform.X, "@northwind", "1600", null,
          new AccountCredentials("access", "refresh", AT), "ops"),
      new Account("a1", "b1", Platform.X, "@northwind", "1600", "PAUSED", true, "api", AT, AT),
      new AccountPage(List.of(new Account("a1", "b1", Platform.TIKTOK, "@nw", "7000", "ACTIVE", false, "config",
          AT, AT))),
      new AccountChanged("a1", Platform.LINKEDIN, "b1", "updated"),
      new CampaignRequest(CatalogAction.CREATE, "b1", "c1", "Launch", "A new blend", List.of("small batches"),
          List.of("#Coffee"), "Visit us", List.of(Platform.X, Platform.INSTAGRAM),
          new CampaignCalendar(3600, AT, null, 10), "ops"),
      new Campaign("c1", "b1", "Launch", "A new blend", List.of(), List.of("#Coffee"), null, List.of(Platform.X),
          new CampaignCalendar(60, AT, AT.plusSeconds(3600), null), 3, "api", AT, AT),
      new CampaignPage(List.of()));

  @Test
  @DisplayName("every record on the bus has a codec and a sample here")
  void everyCodecIsCovered() {
    Set<Class<?>> coded = Contracts.CODECS.stream().map(JsonRecordCodec::type).collect(Collectors.toSet());
    Set<Class<?>> sampled = SAMPLES.stream().map(Object::getClass).collect(Collectors.toSet());
    assertThat(sampled).isEqualTo(coded);
  }

  @Test
  @DisplayName("every record survives its codec's wire encoding unchanged")
  void everyRecordRoundTrips() {
    for (Record sample : SAMPLES) {
      JsonRecordCodec<Record> codec = codecFor(sample);
      Buffer wire = Buffer.buffer().appendString("prefix");
      codec.encodeToWire(wire, sample);
      assertThat(codec.decodeFromWire("prefix".length(), wire)).as(sample.getClass().getSimpleName())
          .isEqualTo(sample);
    }
  }

  @Test
  @DisplayName("every message on the wire carries the contract version")
  void wireCarriesVersion() {
    for (Record sample : SAMPLES) {
      JsonObject json = new JsonObject(Buffer.buffer(codecFor(sample).encode(sample)));
      assertThat(json.getInteger(JsonRecordCodec.VERSION_FIELD)).isEqualTo(Contracts.VERSION);
    }
  }

  @Test
  @DisplayName("a message from a newer contract is refused, not misread")
  void newerContractRefused() {
    JsonRecordCodec<PlanRequest> codec = new JsonRecordCodec<>(PlanRequest.class);
    byte[] newer = ("{\"v\":" + (Contracts.VERSION + 1) + ",\"campaignId\":\"c\"}").getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> codec.decode(newer)).hasMessageContaining("contract version");
  }

  @Test
  @DisplayName("fields a newer sender adds are ignored by an older reader")
  void unknownFieldsIgnored() {
    JsonRecordCodec<PlanRequest> codec = new JsonRecordCodec<>(PlanRequest.class);
    byte[] json = "{\"v\":1,\"campaignId\":\"c\",\"until\":\"2026-11-24T10:15:30.123Z\",\"extra\":1}"
        .getBytes(StandardCharsets.UTF_8);
    assertThat(codec.decode(json)).isEqualTo(new PlanRequest("c", AT));
  }

  @Test
  @DisplayName("a post type travels as its lower-case id, and a request from before post types reads as none")
  void postTypeOnTheWire() {
    JsonRecordCodec<PublishRequest> codec = new JsonRecordCodec<>(PublishRequest.class);
    PublishRequest thread = new PublishRequest("p1", "a1", "t", List.of(), 1, PostType.THREAD);
    assertThat(new JsonObject(Buffer.buffer(codec.encode(thread))).getString("postType")).isEqualTo("thread");
    byte[] older = "{\"v\":1,\"postId\":\"p1\",\"accountId\":\"a1\",\"text\":\"t\",\"mediaUrls\":[],\"attempt\":1}"
        .getBytes(StandardCharsets.UTF_8);
    assertThat(codec.decode(older).postType()).isNull();
  }

  @Test
  @DisplayName("a record as a JSON object uses the wire's field names, ids and ISO timestamps")
  void recordAsJsonObject() {
    JsonObject json = JsonRecordCodec.toJsonObject(
        new PostStateChanged("p1", "b1", Platform.X, PostState.SCHEDULED, PostState.PUBLISHING, AT));
    assertThat(json.getString("platform")).isEqualTo("x");
    assertThat(json.getString("to")).isEqualTo("PUBLISHING");
    assertThat(json.getString("at")).isEqualTo("2026-11-24T10:15:30.123Z");
    assertThat(json.containsKey(JsonRecordCodec.VERSION_FIELD)).isFalse();
  }

  @SuppressWarnings("unchecked")
  private static JsonRecordCodec<Record> codecFor(Record sample) {
    return (JsonRecordCodec<Record>) Contracts.CODECS.stream()
        .filter(c -> c.type() == sample.getClass()).findFirst().orElseThrow();
  }
}
