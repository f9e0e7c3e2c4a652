package io.chorus.platform;

import static io.chorus.platform.AgentFixture.failureOf;
import static io.chorus.platform.AgentFixture.request;
import static org.assertj.core.api.Assertions.assertThat;

import io.chorus.contracts.Addresses;
import io.chorus.contracts.ChorusError;
import io.chorus.contracts.ErrorCode;
import io.chorus.contracts.Platform;
import io.chorus.contracts.health.HealthQuery;
import io.chorus.contracts.health.HealthReport;
import io.chorus.contracts.platform.PublishRequest;
import io.chorus.contracts.platform.PublishResult;
import io.chorus.simulator.SimulatorOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Each account's quota is kept by the Redis limiter before the platform is ever called. */
@ExtendWith(VertxExtension.class)
class AccountQuotaTest {

  @Test
  @DisplayName("a post over the account's configured quota is refused as RATE_LIMITED and never reaches the platform")
  void overQuotaNeverReachesThePlatform(Vertx vertx, VertxTestContext ctx) {
    AgentFixture.simulator(vertx, new SimulatorOptions())
        .compose(simulator -> {
          JsonObject config = AgentFixture.config(simulator);
          config.getJsonObject("platforms").getJsonObject("x")
              .put("rateLimit", new JsonObject().put("requests", 2).put("periodSeconds", 600));
          return AgentFixture.deployAgents(vertx, config, Platform.X)
              .compose(deployed -> publish(vertx, "One"))
              .compose(one -> publish(vertx, "Two"))
              .compose(two -> failureOf(publish(vertx, "Three")))
              .compose(error -> AgentFixture.postsOn(vertx, simulator, "x").map(posts -> List.of(error, posts.size())));
        })
        .onComplete(ctx.succeeding(results -> ctx.verify(() -> {
          ChorusError error = (ChorusError) results.get(0);
          assertThat(error.code()).isEqualTo(ErrorCode.RATE_LIMITED);
          assertThat(error.retryable()).isTrue();
          assertThat(error.retryAfterMs()).isPositive().isLessThanOrEqualTo(600_000L);
          assertThat(results.get(1)).as("posts the platform received").isEqualTo(2);
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("with Redis unreachable the agent keeps a conservative local quota and reports itself degraded")
  void redisDownMeansLocalQuota(Vertx vertx, VertxTestContext ctx) {
    AgentFixture.simulator(vertx, new SimulatorOptions())
        .compose(simulator -> {
          JsonObject config = AgentFixture.config(simulator);
          config.put("redis", new JsonObject().put("uri", "redis://127.0.0.1:1").put("connectTimeoutMs", 200));
          // 4 per period, a quarter of it locally: one post, then the node waits.
          config.getJsonObject("platforms").getJsonObject("x")
              .put("rateLimit", new JsonObject().put("requests", 4).put("periodSeconds", 600));
          return AgentFixture.deployAgents(vertx, config, Platform.X)
              .compose(deployed -> publish(vertx, "Alone"))
              .compose(one -> failureOf(publish(vertx, "Too many")))
              .compose(error -> AgentFixture.<HealthReport>request(vertx, Platform.X, Addresses.STATUS, new HealthQuery())
                  .map(report -> List.of(error, report)));
        })
        .onComplete(ctx.succeeding(results -> ctx.verify(() -> {
          assertThat(((ChorusError) results.get(0)).code()).isEqualTo(ErrorCode.RATE_LIMITED);
          HealthReport report = (HealthReport) results.get(1);
          assertThat(report.degraded()).isTrue();
          assertThat(report.detail()).contains("Redis unreachable");
          ctx.completeNow();
        })));
  }

  private static Future<PublishResult> publish(Vertx vertx, String text) {
    return request(vertx, Platform.X, Addresses.PUBLISH,
        new PublishRequest("post-" + text, "northwind-x", text, List.of(), 1));
  }
}
