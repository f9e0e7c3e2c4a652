package io.chorus.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.chorus.contracts.Addresses;
import io.chorus.contracts.Contracts;
import io.chorus.contracts.Platform;
import io.chorus.contracts.content.GenerateRequest;
import io.chorus.contracts.content.GeneratedContent;
import io.chorus.contracts.leader.CoordinationNotice;
import io.chorus.simulator.Simulator;
import io.chorus.simulator.SimulatorOptions;
import io.chorus.storage.Database;
import io.chorus.storage.DatabaseOptions;
import io.chorus.testkit.TestDatabase;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@DisplayName("Content falls back along the provider chain when a provider fails")
class ProviderFallbackTest {
  private TestDatabase database;
  private Simulator simulator;
  private List<CoordinationNotice> notices;

  @BeforeEach
  void start(Vertx vertx, VertxTestContext ctx) {
    Contracts.registerCodecs(vertx);
    database = TestDatabase.createSchema(getClass());
    notices = ContentFixture.notices(vertx);
    Simulator.create(vertx, new SimulatorOptions()).listen()
        .compose(started -> {
          simulator = started;
          JsonObject config = ContentFixture.config(database, simulator, "anthropic", "openai", "offline");
          return Database.migrate(vertx, DatabaseOptions.fromConfig(config))
              .compose(version -> vertx.deployVerticle(new ContentVerticle(), new DeploymentOptions().setConfig(config)));
        })
        .onComplete(ctx.succeedingThenComplete());
  }

  @AfterEach
  void stop() {
    database.close();
  }

  private static Future<GeneratedContent> generate(Vertx vertx, long seed) {
    return vertx.eventBus().<GeneratedContent>request(Addresses.CONTENT_GENERATE, DemoCampaign.request(Platform.X, seed))
        .map(reply -> reply.body());
  }

  private Future<Void> inject(Vertx vertx, String provider, String fault, String key, int times) {
    JsonObject body = new JsonObject().put("provider", provider).put("fault", fault).put("times", times)
        .put("retryAfterSeconds", 30);
    if (key != null) {
      body.put("key", key);
    }
    return ContentFixture.inject(vertx, simulator, body);
  }

  @Test
  @DisplayName("the first provider writes the post, streamed, with its token usage and cost")
  void firstProviderWrites(Vertx vertx, VertxTestContext ctx) {
    generate(vertx, 1).onComplete(ctx.succeeding(content -> ctx.verify(() -> {
      assertThat(content.provider()).isEqualTo("anthropic");
      assertThat(content.model()).isEqualTo("claude-haiku-4-5");
      assertThat(content.text()).contains("northwind.example/autumn");
      assertThat(content.inputTokens()).isPositive();
      assertThat(content.outputTokens()).isPositive();
      assertThat(content.cost()).isCloseTo((content.inputTokens() * 1.0 + content.outputTokens() * 5.0) / 1_000_000,
          within(1e-12));
      ctx.completeNow();
    })));
  }

  @Test
  @DisplayName("when Anthropic is overloaded (529) on every try, OpenAI writes the post")
  void overloadedFallsToNext(Vertx vertx, VertxTestContext ctx) {
    inject(vertx, "anthropic", "overloaded", null, -1)
        .compose(injected -> generate(vertx, 2))
        .compose(content -> {
          ctx.verify(() -> {
            assertThat(content.provider()).isEqualTo("openai");
            assertThat(content.model()).startsWith("gpt-4o-mini");
          });
          return ContentFixture.statuses(vertx, simulator, "anthropic");
        })
        .onComplete(ctx.succeeding(statuses -> ctx.verify(() -> {
          assertThat(statuses).as("each of the configured attempts, then no more").containsExactly(529, 529);
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("when every provider fails, with server errors or malformed answers, the offline generator still writes the post")
  void offlineAlwaysAnswers(Vertx vertx, VertxTestContext ctx) {
    inject(vertx, "anthropic", "server_error", null, -1)
        .compose(injected -> inject(vertx, "openai", "malformed", null, -1))
        .compose(injected -> generate(vertx, 3))
        .onComplete(ctx.succeeding(content -> ctx.verify(() -> {
          assertThat(content.provider()).isEqualTo("offline");
          assertThat(content.text()).isNotBlank();
          assertThat(content.cost()).isZero();
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("a key answering 401 is set aside, reported once to the Team Leader, and the next key writes the post")
  void refusedKeyIsSetAside(Vertx vertx, VertxTestContext ctx) {
    inject(vertx, "anthropic", "unauthorized", "ant-key-1", -1)
        .compose(injected -> generate(vertx, 4))
        .compose(first -> generate(vertx, 5).map(second -> List.of(first, second)))
        .compose(both -> {
          ctx.verify(() -> assertThat(both).extracting(GeneratedContent::provider).containsOnly("anthropic"));
          return ContentFixture.statuses(vertx, simulator, "anthropic");
        })
        .onComplete(ctx.succeeding(statuses -> ctx.verify(() -> {
          assertThat(statuses).as("the refused key is never tried again").containsExactly(401, 200, 200);
          assertThat(notices).filteredOn(notice -> notice.kind().equals("content.key-rejected")).singleElement()
              .satisfies(notice -> assertThat(notice.detail()).contains("anthropic").contains("…ey-1")
                  .doesNotContain("ant-key-1"));
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("a key answering 429 rests until its reset while the other key writes, without waiting")
  void rateLimitedKeyRests(Vertx vertx, VertxTestContext ctx) {
    inject(vertx, "anthropic", "rate_limited", "ant-key-1", -1)
        .compose(injected -> generate(vertx, 6))
        .compose(first -> generate(vertx, 7).map(second -> List.of(first, second)))
        .compose(both -> {
          ctx.verify(() -> assertThat(both).extracting(GeneratedContent::provider).containsOnly("anthropic"));
          return ContentFixture.statuses(vertx, simulator, "anthropic");
        })
        .onComplete(ctx.succeeding(statuses -> ctx.verify(() -> {
          assertThat(statuses).as("the resting key is not asked again before its reset").containsExactly(429, 200, 200);
          assertThat(notices).noneMatch(notice -> notice.kind().equals("content.key-rejected"));
          ctx.completeNow();
        })));
  }
}
