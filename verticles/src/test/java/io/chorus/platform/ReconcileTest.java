package io.chorus.platform;

import static io.chorus.platform.AgentFixture.request;
import static org.assertj.core.api.Assertions.assertThat;

import io.chorus.contracts.Addresses;
import io.chorus.contracts.Contracts;
import io.chorus.contracts.ErrorCode;
import io.chorus.contracts.Platform;
import io.chorus.contracts.platform.PublishRequest;
import io.chorus.contracts.platform.PublishResult;
import io.chorus.contracts.platform.ReconcileRequest;
import io.chorus.contracts.platform.ReconcileResult;
import io.chorus.simulator.Simulator;
import io.chorus.simulator.SimulatorOptions;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@DisplayName("Platform agents find a post of unknown outcome among the account's recent posts")
class ReconcileTest {
  private static final String TEXT = "Our Autumn Harvest Blend is here: baked apple & caramel (from Huila) "
      + "#AutumnHarvest #Northwind";

  private Simulator simulator;

  @BeforeEach
  void start(Vertx vertx, VertxTestContext ctx) {
    AgentFixture.simulator(vertx, new SimulatorOptions())
        .compose(started -> {
          simulator = started;
          return AgentFixture.deployAgents(vertx, AgentFixture.config(started), Platform.values());
        })
        .onComplete(ctx.succeedingThenComplete());
  }

  private static String account(Platform platform) {
    return "northwind-" + platform.id();
  }

  private Future<PublishResult> publish(Vertx vertx, Platform platform, String text) {
    List<String> media = List.of(simulator.baseUrl() + AgentFixture.MEDIA);
    return request(vertx, platform, Addresses.PUBLISH,
        new PublishRequest("post-1", account(platform), text, media, 1));
  }

  private static Future<ReconcileResult> reconcile(Vertx vertx, Platform platform, String text, Instant notBefore) {
    return request(vertx, platform, Addresses.RECONCILE,
        new ReconcileRequest("post-1", account(platform), text, notBefore));
  }

  @Test
  @DisplayName("X: a published post is found with its id; a text never sent is not")
  void x(Vertx vertx, VertxTestContext ctx) {
    findsWhatWasPublished(Platform.X, vertx, ctx);
  }

  @Test
  @DisplayName("Facebook: a published post is found with its id; a text never sent is not")
  void facebook(Vertx vertx, VertxTestContext ctx) {
    findsWhatWasPublished(Platform.FACEBOOK, vertx, ctx);
  }

  @Test
  @DisplayName("Instagram: a published post is found with its id; a text never sent is not")
  void instagram(Vertx vertx, VertxTestContext ctx) {
    findsWhatWasPublished(Platform.INSTAGRAM, vertx, ctx);
  }

  @Test
  @DisplayName("LinkedIn: a published post is found with its id (its little text unescaped); a text never sent is not")
  void linkedin(Vertx vertx, VertxTestContext ctx) {
    findsWhatWasPublished(Platform.LINKEDIN, vertx, ctx);
  }

  @Test
  @DisplayName("TikTok: a published post is found with its id; a text never sent is not")
  void tiktok(Vertx vertx, VertxTestContext ctx) {
    findsWhatWasPublished(Platform.TIKTOK, vertx, ctx);
  }

  private void findsWhatWasPublished(Platform platform, Vertx vertx, VertxTestContext ctx) {
    Instant claimed = Instant.now();
    publish(vertx, platform, TEXT)
        .compose(published -> reconcile(vertx, platform, TEXT, claimed)
            .compose(found -> reconcile(vertx, platform, "A text nobody ever posted", claimed)
                .map(missing -> List.of(published.externalId(), found, missing))))
        .onComplete(ctx.succeeding(outcome -> ctx.verify(() -> {
          ReconcileResult found = (ReconcileResult) outcome.get(1);
          ReconcileResult missing = (ReconcileResult) outcome.get(2);
          assertThat(found.found()).isTrue();
          assertThat(found.externalId()).isEqualTo(outcome.get(0));
          assertThat(found.postId()).isEqualTo("post-1");
          assertThat(missing.found()).isFalse();
          assertThat(missing.externalId()).isNull();
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("whitespace and Unicode composition do not hide a post, but a hashtag more makes another post")
  void comparesTheTextSentNormalised(Vertx vertx, VertxTestContext ctx) {
    String composed = "Caf\u00e9 au lait season  is\nhere #Northwind";
    String decomposed = "Cafe\u0301 au lait season is here #Northwind";
    publish(vertx, Platform.LINKEDIN, composed)
        .compose(published -> reconcile(vertx, Platform.LINKEDIN, decomposed, null)
            .compose(same -> reconcile(vertx, Platform.LINKEDIN, decomposed + " #Coffee", null)
                .map(other -> List.of(same, other))))
        .onComplete(ctx.succeeding(results -> ctx.verify(() -> {
          assertThat(results.get(0).found()).isTrue();
          assertThat(results.get(1).found()).isFalse();
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("posts older than the first claim (less the clock slack) are not looked at")
  void looksOnlySinceTheFirstClaim(Vertx vertx, VertxTestContext ctx) {
    publish(vertx, Platform.X, TEXT)
        .compose(published -> reconcile(vertx, Platform.X, TEXT, Instant.now().plus(Reconciliation.CLOCK_SLACK).plusSeconds(60)))
        .onComplete(ctx.succeeding(result -> ctx.verify(() -> {
          assertThat(result.found()).isFalse();
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("an unreachable platform fails the look as retryable PLATFORM_UNAVAILABLE")
  void unreachablePlatformIsRetryable(Vertx vertx, VertxTestContext ctx) {
    JsonObject config = AgentFixture.config(simulator);
    config.getJsonObject("platforms").getJsonObject("x").put("baseUrl", "http://127.0.0.1:1/x");
    // The X agent of this test's Vert.x talks to the simulator; this one, on its own Vert.x, to a closed port.
    Vertx other = Vertx.vertx();
    Contracts.registerCodecs(other);
    other.deployVerticle(new PlatformAgentVerticle(Platform.X), new DeploymentOptions().setConfig(config))
        .compose(deployed -> AgentFixture.failureOf(other.eventBus().<ReconcileResult>request(
            Platform.X.address(Addresses.RECONCILE), new ReconcileRequest("post-1", "northwind-x", TEXT, null))))
        .onComplete(ar -> other.close())
        .onComplete(ctx.succeeding(error -> ctx.verify(() -> {
          assertThat(error.code()).isEqualTo(ErrorCode.PLATFORM_UNAVAILABLE);
          assertThat(error.retryable()).isTrue();
          ctx.completeNow();
        })));
  }
}
