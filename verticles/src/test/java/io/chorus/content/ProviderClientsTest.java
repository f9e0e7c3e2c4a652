package io.chorus.content;

import static org.assertj.core.api.Assertions.assertThat;

import io.chorus.content.provider.ChatClient;
import io.chorus.content.provider.Completion;
import io.chorus.content.provider.Prompt;
import io.chorus.content.provider.ProviderException;
import io.chorus.content.provider.ProviderOptions;
import io.chorus.content.provider.anthropic.AnthropicClient;
import io.chorus.content.provider.openai.OpenAiClient;
import io.chorus.simulator.Simulator;
import io.chorus.simulator.SimulatorOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

@ExtendWith(VertxExtension.class)
@DisplayName("The OpenAI and Anthropic clients against the simulator")
class ProviderClientsTest {
  private static final Prompt PROMPT = new Prompt("You write posts.",
      "Key messages:\n- roasted every Tuesday\nTrends: first frost\nCall to action: Visit northwind.example\n");

  private Simulator simulator;
  private WebClient web;

  @BeforeEach
  void start(Vertx vertx, VertxTestContext ctx) {
    web = WebClient.create(vertx);
    // Streams take a little while, so an idle timeout shorter than a stall but longer than the pace shows.
    Simulator.create(vertx, new SimulatorOptions().setLlmChunkDelayMs(5)).listen().onComplete(ctx.succeeding(started -> {
      simulator = started;
      ctx.completeNow();
    }));
  }

  private ChatClient client(String provider, boolean stream) {
    ProviderOptions options = new ProviderOptions().setName(provider).setStream(stream).setIdleTimeoutMs(500)
        .setDeadlineMs(3000).setApiKeys(List.of("k1"));
    return provider.equals("anthropic")
        ? AnthropicClient.create(web, options.setBaseUrl(simulator.baseUrl("anthropic")).setModel("claude-haiku-4-5"))
        : OpenAiClient.create(web, options.setBaseUrl(simulator.baseUrl("openai") + "/v1").setModel("gpt-4o-mini"));
  }

  private Future<Void> inject(Vertx vertx, String provider, String fault, long delayMs) {
    return ContentFixture.inject(vertx, simulator, new JsonObject().put("provider", provider).put("fault", fault)
        .put("delayMs", delayMs).put("retryAfterSeconds", 7));
  }

  @ParameterizedTest(name = "{0}, streamed: {1}")
  @CsvSource({"openai, true, stop", "openai, false, stop", "anthropic, true, end_turn", "anthropic, false, end_turn"})
  @DisplayName("a completion brings the text, the model, the finish reason and the token usage")
  void completes(String provider, boolean stream, String finish, VertxTestContext ctx) {
    client(provider, stream).complete(PROMPT, "k1").onComplete(ctx.succeeding(completion -> ctx.verify(() -> {
      assertThat(completion.text()).contains("roasted every Tuesday").endsWith("Visit northwind.example");
      assertThat(completion.finishReason()).isEqualTo(finish);
      assertThat(completion.inputTokens()).isPositive();
      assertThat(completion.outputTokens()).isPositive();
      ctx.completeNow();
    })));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"openai", "anthropic"})
  @DisplayName("a stream that goes silent mid-way fails at the idle timeout as an outage")
  void stalledStreamTimesOut(String provider, Vertx vertx, VertxTestContext ctx) {
    inject(vertx, provider, "stall", 10_000)
        .compose(injected -> failure(client(provider, true).complete(PROMPT, "k1")))
        .onComplete(ctx.succeeding(failure -> ctx.verify(() -> {
          assertThat(failure.kind()).isEqualTo(ProviderException.Kind.OUTAGE);
          ctx.completeNow();
        })));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"openai", "anthropic"})
  @DisplayName("a stream that keeps talking past the deadline fails as an outage")
  void deadlineBoundsTheCall(String provider, Vertx vertx, VertxTestContext ctx) {
    ProviderOptions options = new ProviderOptions().setName(provider).setIdleTimeoutMs(2000).setDeadlineMs(200)
        .setApiKeys(List.of("k1"));
    ChatClient slow = provider.equals("anthropic")
        ? AnthropicClient.create(web, options.setBaseUrl(simulator.baseUrl("anthropic")).setModel("m"))
        : OpenAiClient.create(web, options.setBaseUrl(simulator.baseUrl("openai") + "/v1").setModel("m"));
    inject(vertx, provider, "slow", 1000)
        .compose(injected -> failure(slow.complete(PROMPT, "k1")))
        .onComplete(ctx.succeeding(failure -> ctx.verify(() -> {
          assertThat(failure.kind()).isEqualTo(ProviderException.Kind.OUTAGE);
          assertThat(failure.getMessage()).contains("deadline");
          ctx.completeNow();
        })));
  }

  @ParameterizedTest(name = "{0} answering {1}")
  @CsvSource({"openai, unauthorized, UNAUTHORIZED", "anthropic, unauthorized, UNAUTHORIZED",
      "openai, rate_limited, RATE_LIMITED", "anthropic, rate_limited, RATE_LIMITED",
      "openai, server_error, OUTAGE", "anthropic, overloaded, OUTAGE", "anthropic, unavailable, OUTAGE",
      "openai, malformed, OUTAGE", "anthropic, malformed, OUTAGE"})
  @DisplayName("each provider error becomes the failure kind the resilience layer acts on")
  void errorsAreClassified(String provider, String fault, ProviderException.Kind kind, Vertx vertx, VertxTestContext ctx) {
    inject(vertx, provider, fault, 0)
        .compose(injected -> failure(client(provider, true).complete(PROMPT, "k1")))
        .onComplete(ctx.succeeding(failure -> ctx.verify(() -> {
          assertThat(failure.kind()).isEqualTo(kind);
          if (kind == ProviderException.Kind.RATE_LIMITED) {
            assertThat(failure.retryAfterMs()).as("the provider's retry-after").isEqualTo(7000);
          }
          ctx.completeNow();
        })));
  }

  private static Future<ProviderException> failure(Future<Completion> call) {
    return call.transform(result -> result.failed() && result.cause() instanceof ProviderException pe
        ? Future.succeededFuture(pe)
        : Future.failedFuture(new AssertionError("expected a ProviderException, got "
            + (result.failed() ? result.cause() : result.result()))));
  }
}
