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
import io.chorus.simulator.Simulator;
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

@ExtendWith(VertxExtension.class)
@DisplayName("Publishing failures come back as Chorus errors that say whether to try again")
class PublishFailuresTest {

  private static PublishRequest post(String accountId, String text) {
    return new PublishRequest("post-1", accountId, text, List.of(), 1);
  }

  private static Future<Simulator> agentsOn(Vertx vertx, SimulatorOptions options) {
    return AgentFixture.simulator(vertx, options)
        .compose(simulator -> AgentFixture.deployAgents(vertx, AgentFixture.config(simulator), Platform.values())
            .map(simulator));
  }

  @Test
  @DisplayName("a missing token is a rejection that trying again will not fix")
  void missingToken(Vertx vertx, VertxTestContext ctx) {
    agentsOn(vertx, new SimulatorOptions())
        .compose(simulator -> failureOf(request(vertx, Platform.X, Addresses.PUBLISH, post("tokenless-x", "Hello"))))
        .onComplete(ctx.succeeding(error -> ctx.verify(() -> {
          assertThat(error.code()).isEqualTo(ErrorCode.PLATFORM_REJECTED);
          assertThat(error.retryable()).isFalse();
          assertThat(error.message()).contains("401").contains("Unauthorized");
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("X's 429 is a retryable RATE_LIMITED that waits for the window to reset")
  void rateLimited(Vertx vertx, VertxTestContext ctx) {
    agentsOn(vertx, new SimulatorOptions().setXPostsPer15Min(1))
        .compose(simulator -> request(vertx, Platform.X, Addresses.PUBLISH, post("northwind-x", "First")))
        .compose(first -> failureOf(request(vertx, Platform.X, Addresses.PUBLISH, post("northwind-x", "Second"))))
        .onComplete(ctx.succeeding(error -> ctx.verify(() -> {
          assertThat(error.code()).isEqualTo(ErrorCode.RATE_LIMITED);
          assertThat(error.retryable()).isTrue();
          assertThat(error.retryAfterMs()).isPositive().isLessThanOrEqualTo(15 * 60 * 1000L + 1000);  // the reset is in whole seconds
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("Graph's Page throttle, a 400 with code 80001, is a RATE_LIMITED waiting the estimated time to regain access")
  void graphThrottle(Vertx vertx, VertxTestContext ctx) {
    agentsOn(vertx, new SimulatorOptions().setFacebookCallsPerHour(1))
        .compose(simulator -> request(vertx, Platform.FACEBOOK, Addresses.PUBLISH, post("northwind-facebook", "First")))
        .compose(first -> failureOf(request(vertx, Platform.FACEBOOK, Addresses.PUBLISH, post("northwind-facebook", "Second"))))
        .onComplete(ctx.succeeding(error -> ctx.verify(() -> {
          assertThat(error.code()).isEqualTo(ErrorCode.RATE_LIMITED);
          assertThat(error.retryable()).isTrue();
          assertThat(error.message()).contains("400").contains("code 80001");
          assertThat(error.retryAfterMs()).isBetween(60_000L, 3_600_000L);
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("the platform's own reason is kept when it refuses a post")
  void platformReason(Vertx vertx, VertxTestContext ctx) {
    agentsOn(vertx, new SimulatorOptions())
        .compose(simulator -> request(vertx, Platform.FACEBOOK, Addresses.PUBLISH, post("northwind-facebook", "Same")))
        .compose(first -> failureOf(request(vertx, Platform.FACEBOOK, Addresses.PUBLISH, post("northwind-facebook", "Same"))))
        .onComplete(ctx.succeeding(error -> ctx.verify(() -> {
          assertThat(error.code()).isEqualTo(ErrorCode.PLATFORM_REJECTED);
          assertThat(error.message()).contains("Duplicate status message").contains("506");
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("unknown accounts, accounts of another platform and image posts without an image are invalid requests")
  void invalidRequests(Vertx vertx, VertxTestContext ctx) {
    agentsOn(vertx, new SimulatorOptions())
        .compose(simulator -> Future.all(
            failureOf(request(vertx, Platform.X, Addresses.PUBLISH, post("nobody", "Hi"))),
            failureOf(request(vertx, Platform.X, Addresses.PUBLISH, post("northwind-linkedin", "Hi"))),
            failureOf(request(vertx, Platform.INSTAGRAM, Addresses.PUBLISH, post("northwind-instagram", "Hi"))),
            failureOf(request(vertx, Platform.TIKTOK, Addresses.PUBLISH, post("northwind-tiktok", "Hi")))))
        .onComplete(ctx.succeeding(all -> ctx.verify(() -> {
          List<ChorusError> errors = all.list();
          assertThat(errors).extracting(ChorusError::code).containsOnly(ErrorCode.INVALID_REQUEST);
          assertThat(errors.get(1).message()).contains("linkedin");
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("an unreachable platform is retryable, and repeated outages open the breaker and degrade the agent")
  void unreachable(Vertx vertx, VertxTestContext ctx) {
    JsonObject config = new JsonObject();
    vertx.createHttpServer().requestHandler(req -> req.response().end()).listen(0)
        .compose(server -> {
          String deadUrl = "http://127.0.0.1:" + server.actualPort() + "/x";
          return server.close().map(deadUrl);
        })
        .compose(deadUrl -> AgentFixture.simulator(vertx, new SimulatorOptions()).map(simulator -> {
          config.mergeIn(AgentFixture.config(simulator));
          config.getJsonObject("platforms").getJsonObject("x").put("baseUrl", deadUrl).put("timeoutMs", 1000);
          return config;
        }))
        .compose(conf -> AgentFixture.deployAgents(vertx, conf, Platform.X))
        .compose(deployed -> failuresInARow(vertx, BreakerSettings.fromConfig(config).maxFailures()))
        .compose(first -> failureOf(request(vertx, Platform.X, Addresses.PUBLISH, post("northwind-x", "Again")))
            .compose(afterOpen -> AgentFixture.<HealthReport>request(vertx, Platform.X, Addresses.STATUS, new HealthQuery())
                .map(report -> List.of(first, afterOpen, report))))
        .onComplete(ctx.succeeding(results -> ctx.verify(() -> {
          ChorusError first = (ChorusError) results.get(0);
          ChorusError afterOpen = (ChorusError) results.get(1);
          HealthReport report = (HealthReport) results.get(2);
          assertThat(first.code()).isEqualTo(ErrorCode.PLATFORM_UNAVAILABLE);
          assertThat(first.retryable()).isTrue();
          assertThat(afterOpen.message()).contains("circuit breaker is open");
          assertThat(afterOpen.retryAfterMs()).isPositive();
          assertThat(report.up()).isTrue();
          assertThat(report.degraded()).isTrue();
          ctx.completeNow();
        })));
  }

  /** Publishes one post after another until {@code count} have failed; yields the first failure. */
  private static Future<ChorusError> failuresInARow(Vertx vertx, int count) {
    Future<ChorusError> first = failureOf(request(vertx, Platform.X, Addresses.PUBLISH, post("northwind-x", "Try 1")));
    Future<ChorusError> chain = first;
    for (int i = 2; i <= count; i++) {
      String text = "Try " + i;
      chain = chain.compose(previous -> failureOf(
          AgentFixture.<PublishResult>request(vertx, Platform.X, Addresses.PUBLISH, post("northwind-x", text))));
    }
    return chain.compose(last -> first);
  }
}
