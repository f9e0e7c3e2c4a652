package io.chorus.platform;

import static io.chorus.platform.AgentFixture.request;
import static org.assertj.core.api.Assertions.assertThat;

import io.chorus.contracts.Addresses;
import io.chorus.contracts.Platform;
import io.chorus.contracts.health.HealthQuery;
import io.chorus.contracts.health.HealthReport;
import io.chorus.contracts.platform.OptimizeRequest;
import io.chorus.contracts.platform.OptimizedContent;
import io.chorus.contracts.platform.PublishRequest;
import io.chorus.contracts.platform.PublishResult;
import io.chorus.platform.linkedin.LittleText;
import io.chorus.simulator.Simulator;
import io.chorus.simulator.SimulatorOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@DisplayName("Platform agents publish fitted posts to each platform's API")
class PublishingTest {
  private static final String TEXT = "Our Autumn Harvest Blend is here: baked apple, caramel and cinnamon "
      + "from one farm in Huila (Colombia). Roasted every Tuesday — find it at https://northwind.example/autumn";
  private static final List<String> HASHTAGS = List.of("#AutumnHarvest", "#SpecialtyCoffee", "#Northwind");

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

  @Test
  @DisplayName("X receives the fitted text as a post")
  void x(Vertx vertx, VertxTestContext ctx) {
    publishes(vertx, ctx, Platform.X, "northwind-x", List.of(), "northwind-x", UnaryOperator.identity());
  }

  @Test
  @DisplayName("Facebook receives the fitted text on the page's feed")
  void facebook(Vertx vertx, VertxTestContext ctx) {
    publishes(vertx, ctx, Platform.FACEBOOK, "northwind-facebook", List.of(), "104857600000001", UnaryOperator.identity());
  }

  @Test
  @DisplayName("Instagram publishes a container made of the image and the fitted caption")
  void instagram(Vertx vertx, VertxTestContext ctx) {
    publishes(vertx, ctx, Platform.INSTAGRAM, "northwind-instagram", List.of(simulator.baseUrl() + AgentFixture.MEDIA),
        "17841400000000001", UnaryOperator.identity());
  }

  @Test
  @DisplayName("LinkedIn receives the fitted text as escaped little-format commentary of the organization")
  void linkedin(Vertx vertx, VertxTestContext ctx) {
    publishes(vertx, ctx, Platform.LINKEDIN, "northwind-linkedin", List.of(), "urn:li:organization:5550001",
        LittleText::escape);
  }

  @Test
  @DisplayName("TikTok publishes a photo post whose description is the fitted text")
  void tiktok(Vertx vertx, VertxTestContext ctx) {
    publishes(vertx, ctx, Platform.TIKTOK, "northwind-tiktok", List.of(simulator.baseUrl() + AgentFixture.MEDIA),
        "northwind-tiktok", UnaryOperator.identity());
  }

  @Test
  @DisplayName("each agent reports itself up and not degraded while its breaker is closed")
  void health(Vertx vertx, VertxTestContext ctx) {
    AgentFixture.<HealthReport>request(vertx, Platform.TIKTOK, Addresses.STATUS, new HealthQuery())
        .onComplete(ctx.succeeding(report -> ctx.verify(() -> {
          assertThat(report.component()).isEqualTo("platform.tiktok");
          assertThat(report.up()).isTrue();
          assertThat(report.degraded()).isFalse();
          ctx.completeNow();
        })));
  }

  /**
   * Optimizes the text through the agent, publishes it, and checks the simulator holds exactly
   * that post, under the platform's id for the account, with the text as it went on the wire.
   */
  private void publishes(Vertx vertx, VertxTestContext ctx, Platform platform, String accountId,
      List<String> media, String recordedAccount, UnaryOperator<String> onTheWire) {
    Future<OptimizedContent> fitted =
        request(vertx, platform, Addresses.OPTIMIZE, new OptimizeRequest("post-1", TEXT, HASHTAGS));
    Future<PublishResult> published = fitted.compose(content -> request(vertx, platform, Addresses.PUBLISH,
        new PublishRequest("post-1", accountId, content.text(), media, 1)));
    published
        .compose(result -> AgentFixture.postsOn(vertx, simulator, platform.id()))
        .onComplete(ctx.succeeding(posts -> ctx.verify(() -> {
          assertThat(fitted.result().text()).startsWith("Our Autumn Harvest Blend");
          assertThat(fitted.result().length()).isLessThanOrEqualTo(fitted.result().limit());
          assertThat(published.result().postId()).isEqualTo("post-1");
          assertThat(published.result().externalId()).isNotBlank();
          assertThat(published.result().publishedAt()).isNotNull();
          assertThat(posts).hasSize(1);
          JsonObject post = posts.getJsonObject(0);
          assertThat(post.getString("id")).isEqualTo(published.result().externalId());
          assertThat(post.getString("account")).isEqualTo(recordedAccount);
          assertThat(post.getString("text")).isEqualTo(onTheWire.apply(fitted.result().text()));
          assertThat(post.getJsonArray("mediaUrls")).containsExactlyElementsOf(media);
          ctx.completeNow();
        })));
  }
}
