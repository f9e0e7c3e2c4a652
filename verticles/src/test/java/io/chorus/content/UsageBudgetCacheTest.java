package io.chorus.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.chorus.contracts.Addresses;
import io.chorus.contracts.ChorusError;
import io.chorus.contracts.Contracts;
import io.chorus.contracts.ErrorCode;
import io.chorus.contracts.Platform;
import io.chorus.contracts.content.GenerateRequest;
import io.chorus.contracts.content.GeneratedContent;
import io.chorus.contracts.content.UsageLine;
import io.chorus.contracts.content.UsageQuery;
import io.chorus.contracts.content.UsageReport;
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
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@DisplayName("LLM usage, cost, budgets and the content cache")
class UsageBudgetCacheTest {
  private TestDatabase database;
  private Simulator simulator;
  private List<CoordinationNotice> notices;

  @BeforeEach
  void start(Vertx vertx, VertxTestContext ctx) {
    Contracts.registerCodecs(vertx);
    database = TestDatabase.createSchema(getClass());
    notices = ContentFixture.notices(vertx);
    Simulator.create(vertx, new SimulatorOptions()).listen().onComplete(ctx.succeeding(started -> {
      simulator = started;
      ctx.completeNow();
    }));
  }

  @AfterEach
  void stop() {
    database.close();
  }

  private Future<String> deploy(Vertx vertx, UnaryOperator<JsonObject> content, String... chain) {
    JsonObject config = ContentFixture.config(database, simulator, chain);
    content.apply(config.getJsonObject("content"));
    return Database.migrate(vertx, DatabaseOptions.fromConfig(config))
        .compose(version -> vertx.deployVerticle(new ContentVerticle(), new DeploymentOptions().setConfig(config)));
  }

  private static Future<GeneratedContent> generate(Vertx vertx, GenerateRequest request) {
    return vertx.eventBus().<GeneratedContent>request(Addresses.CONTENT_GENERATE, request).map(reply -> reply.body());
  }

  @Test
  @DisplayName("usage is recorded per provider, model, brand and day, with the cost from the price table")
  void recordsUsage(Vertx vertx, VertxTestContext ctx) {
    deploy(vertx, content -> content, "anthropic", "offline")
        .compose(deployed -> generate(vertx, DemoCampaign.request(Platform.X, 1)))
        .compose(first -> generate(vertx, DemoCampaign.request(Platform.LINKEDIN, 2)).map(second -> List.of(first, second)))
        .compose(both -> ContentFixture.usage(vertx, "northwind").map(report -> {
          ctx.verify(() -> {
            UsageLine line = report.items().get(0);
            assertThat(report.items()).hasSize(1);
            assertThat(line.day()).isEqualTo(LocalDate.now(ZoneOffset.UTC));
            assertThat(line.brandId()).isEqualTo("northwind");
            assertThat(line.provider()).isEqualTo("anthropic");
            assertThat(line.model()).isEqualTo("claude-haiku-4-5");
            assertThat(line.requests()).isEqualTo(2);
            assertThat(line.inputTokens()).isEqualTo(both.get(0).inputTokens() + both.get(1).inputTokens());
            assertThat(line.outputTokens()).isEqualTo(both.get(0).outputTokens() + both.get(1).outputTokens());
            assertThat(line.cost()).isCloseTo(both.get(0).cost() + both.get(1).cost(), within(1e-9));
          });
          return report;
        }))
        .compose(report -> vertx.eventBus().<UsageReport>request(Addresses.CONTENT_USAGE,
            new UsageQuery("northwind", LocalDate.now(ZoneOffset.UTC).plusDays(1), null)))
        .onComplete(ctx.succeeding(future -> ctx.verify(() -> {
          assertThat(future.body().items()).as("nothing recorded from tomorrow on").isEmpty();
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("offline generations count too: provider offline, estimated tokens, no cost")
  void offlineUsage(Vertx vertx, VertxTestContext ctx) {
    deploy(vertx, content -> content, "offline")
        .compose(deployed -> generate(vertx, DemoCampaign.request(Platform.TIKTOK, 3)))
        .compose(content -> ContentFixture.usage(vertx, "northwind"))
        .onComplete(ctx.succeeding(report -> ctx.verify(() -> {
          UsageLine line = report.items().get(0);
          assertThat(line.provider()).isEqualTo("offline");
          assertThat(line.model()).isEqualTo("offline-v2");
          assertThat(line.requests()).isEqualTo(1);
          assertThat(line.outputTokens()).isPositive();
          assertThat(line.cost()).isZero();
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("an identical request within the TTL is answered from Redis, and neither asks the provider nor is billed again")
  void identicalRequestHitsTheCache(Vertx vertx, VertxTestContext ctx) {
    GenerateRequest request = DemoCampaign.request(Platform.INSTAGRAM, 4);
    GenerateRequest samePostAgain = new GenerateRequest("another-post-id", request.brandId(), request.campaignId(),
        request.platform(), request.brief(), request.voice(), request.keyMessages(), request.hashtags(),
        request.trends(), request.callToAction(), request.seed(), request.angle());
    deploy(vertx, content -> content.put("cache", content.getJsonObject("cache").put("enabled", true)), "anthropic", "offline")
        .compose(deployed -> generate(vertx, request))
        .compose(first -> ContentFixture.usage(vertx, "northwind").compose(before -> generate(vertx, samePostAgain)
            .compose(second -> ContentFixture.usage(vertx, "northwind").map(after -> {
              ctx.verify(() -> {
                assertThat(second.text()).isEqualTo(first.text());
                assertThat(second.provider()).isEqualTo("anthropic");
                assertThat(second.cost()).as("a cached text costs nothing this time").isZero();
                assertThat(after.items()).as("usage unchanged").isEqualTo(before.items());
              });
              return after;
            }))))
        .compose(after -> ContentFixture.statuses(vertx, simulator, "anthropic"))
        .onComplete(ctx.succeeding(statuses -> ctx.verify(() -> {
          assertThat(statuses).as("the provider was asked once").containsExactly(200);
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("past its monthly budget a brand's generation stops with BUDGET_EXCEEDED, and the Team Leader is told once")
  void budgetStopsGeneration(Vertx vertx, VertxTestContext ctx) {
    deploy(vertx, content -> content.put("budgets", new JsonObject().putNull("defaultMonthlyUsd")
            .put("brands", new JsonObject().put("northwind", 0.000001))), "anthropic", "offline")
        .compose(deployed -> generate(vertx, DemoCampaign.request(Platform.X, 5)))
        .compose(spent -> refused(vertx, DemoCampaign.request(Platform.X, 6)))
        .compose(first -> refused(vertx, DemoCampaign.request(Platform.X, 7)).map(second -> List.of(first, second)))
        .onComplete(ctx.succeeding(errors -> ctx.verify(() -> {
          assertThat(errors).allSatisfy(error -> {
            assertThat(error.code()).isEqualTo(ErrorCode.BUDGET_EXCEEDED);
            assertThat(error.retryable()).isFalse();
            assertThat(error.message()).contains("northwind").contains("monthly LLM budget");
          });
          assertThat(notices).filteredOn(notice -> notice.kind().equals("content.budget-exceeded")).hasSize(1);
          ctx.completeNow();
        })));
  }

  private static Future<ChorusError> refused(Vertx vertx, GenerateRequest request) {
    return generate(vertx, request).transform(result -> result.failed()
        ? Future.succeededFuture(ChorusError.from(result.cause()))
        : Future.failedFuture(new AssertionError("expected a refusal, got " + result.result())));
  }
}
