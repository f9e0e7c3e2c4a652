package io.chorus.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chorus.contracts.content.GenerateRequest;
import io.chorus.contracts.content.GeneratedContent;
import io.chorus.contracts.health.HealthQuery;
import io.chorus.contracts.health.HealthReport;
import io.chorus.contracts.leader.CoordinationNotice;
import io.chorus.contracts.metrics.BrandMetrics;
import io.chorus.contracts.metrics.LatencySummary;
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
import io.chorus.contracts.platform.PlatformEvent;
import io.chorus.contracts.platform.PlatformEventHandled;
import io.chorus.contracts.platform.ReconcileRequest;
import io.chorus.contracts.platform.ReconcileResult;
import io.chorus.contracts.platform.OptimizeRequest;
import io.chorus.contracts.platform.OptimizedContent;
import io.chorus.contracts.platform.PublishRequest;
import io.chorus.contracts.platform.PublishResult;
import io.chorus.contracts.reports.ReportReady;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
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
          List.of("t1"), "Visit us", 42L),
      new GeneratedContent("Hello 🌍 — 世界", "offline", "offline-v1"),
      new OptimizeRequest("p1", "text", List.of("#a", "#b")),
      new OptimizedContent("fitted", 6, 280, false),
      new PublishRequest("p1", "acct-1", "text", List.of("https://cdn.example/a.jpg"), 2),
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
      new PostHistoryQuery("p1"),
      new PostHistory(new PostView("p1", "b1", "c1", "a1", Platform.X, PostState.FAILED, "t", null, 3, AT, AT, null, AT,
          "duplicate status"), List.of(new PostEvent(7, PostState.PUBLISHING, PostState.FAILED, "duplicate status", AT))),
      new ReportReady("r1", "b1", "weekly", "Week 47", AT));

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
