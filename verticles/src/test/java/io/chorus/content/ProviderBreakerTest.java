package io.chorus.content;

import static org.assertj.core.api.Assertions.assertThat;

import io.chorus.content.provider.GuardedProvider;
import io.chorus.content.provider.Prompt;
import io.chorus.content.provider.ProviderException;
import io.chorus.content.provider.ProviderOptions;
import io.chorus.content.provider.RetryPolicy;
import io.chorus.content.provider.openai.OpenAiClient;
import io.chorus.simulator.Simulator;
import io.chorus.simulator.SimulatorOptions;
import io.vertx.circuitbreaker.CircuitBreakerOptions;
import io.vertx.circuitbreaker.CircuitBreakerState;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@DisplayName("A provider's circuit breaker")
class ProviderBreakerTest {
  private static final Prompt PROMPT = new Prompt("You write posts.", "Key messages:\n- fresh\nCall to action: Come by\n");

  private Simulator simulator;
  private GuardedProvider provider;

  @BeforeEach
  void start(Vertx vertx, VertxTestContext ctx) {
    Simulator.create(vertx, new SimulatorOptions()).listen().onComplete(ctx.succeeding(started -> {
      simulator = started;
      ProviderOptions options = new ProviderOptions().setName("openai").setBaseUrl(simulator.baseUrl("openai") + "/v1")
          .setModel("gpt-4o-mini").setApiKeys(List.of("oai-key-1")).setIdleTimeoutMs(2000).setDeadlineMs(5000);
      provider = new GuardedProvider(vertx, OpenAiClient.create(WebClient.create(vertx), options), options,
          new RetryPolicy(1, 10, 100, 0), new CircuitBreakerOptions().setMaxFailures(2).setResetTimeout(300).setTimeout(-1),
          (name, key) -> { });
      ctx.completeNow();
    }));
  }

  @Test
  @DisplayName("opens after the configured outages, refuses calls without asking the provider, half-opens after resetMs and closes on success")
  void opensHalfOpensAndCloses(Vertx vertx, VertxTestContext ctx) {
    ContentFixture.inject(vertx, simulator, new JsonObject().put("provider", "openai").put("fault", "unavailable").put("times", 2))
        .compose(injected -> failing(provider.complete(PROMPT)))
        .compose(first -> {
          ctx.verify(() -> assertThat(provider.state()).isEqualTo(CircuitBreakerState.CLOSED));
          return failing(provider.complete(PROMPT));
        })
        .compose(second -> {
          ctx.verify(() -> assertThat(provider.state()).isEqualTo(CircuitBreakerState.OPEN));
          return failing(provider.complete(PROMPT));
        })
        .compose(refused -> {
          ctx.verify(() -> assertThat(refused).hasMessageContaining("circuit breaker is open"));
          return ContentFixture.statuses(vertx, simulator, "openai");
        })
        .compose(statuses -> {
          ctx.verify(() -> assertThat(statuses).as("an open breaker does not call the provider").containsExactly(503, 503));
          return until(vertx, () -> provider.state() == CircuitBreakerState.HALF_OPEN, 5000);
        })
        .compose(halfOpen -> provider.complete(PROMPT))
        .onComplete(ctx.succeeding(completion -> ctx.verify(() -> {
          assertThat(completion.text()).contains("Come by");
          assertThat(provider.state()).isEqualTo(CircuitBreakerState.CLOSED);
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("refused keys and rate limits do not count as outages")
  void keyProblemsDoNotOpenIt(Vertx vertx, VertxTestContext ctx) {
    ContentFixture.inject(vertx, simulator, new JsonObject().put("provider", "openai").put("fault", "rate_limited")
            .put("times", 3).put("retryAfterSeconds", 60))
        .compose(injected -> failing(provider.complete(PROMPT)))
        .onComplete(ctx.succeeding(limited -> ctx.verify(() -> {
          assertThat(limited).isInstanceOfSatisfying(ProviderException.class,
              pe -> assertThat(pe.kind()).isEqualTo(ProviderException.Kind.RATE_LIMITED));
          assertThat(provider.state()).isEqualTo(CircuitBreakerState.CLOSED);
          ctx.completeNow();
        })));
  }

  private static Future<Throwable> failing(Future<?> future) {
    return future.transform(result -> result.failed() ? Future.succeededFuture(result.cause())
        : Future.failedFuture(new AssertionError("expected a failure, got " + result.result())));
  }

  private static Future<Void> until(Vertx vertx, java.util.function.BooleanSupplier condition, long timeoutMs) {
    Promise<Void> promise = Promise.promise();
    long deadline = System.currentTimeMillis() + timeoutMs;
    vertx.setPeriodic(10, timer -> {
      if (condition.getAsBoolean()) {
        vertx.cancelTimer(timer);
        promise.tryComplete();
      } else if (System.currentTimeMillis() > deadline) {
        vertx.cancelTimer(timer);
        promise.tryFail(new AssertionError("condition not met within " + timeoutMs + " ms"));
      }
    });
    return promise.future();
  }
}
