package io.chorus.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.anthropic.client.AnthropicClient;
import com.anthropic.client.okhttp.AnthropicOkHttpClient;
import com.anthropic.core.http.StreamResponse;
import com.anthropic.errors.OverloadedException;
import com.anthropic.errors.RateLimitException;
import com.anthropic.helpers.MessageAccumulator;
import com.anthropic.models.ErrorType;
import com.anthropic.models.messages.ContentBlock;
import com.anthropic.models.messages.Message;
import com.anthropic.models.messages.MessageCreateParams;
import com.anthropic.models.messages.RawMessageStreamEvent;
import com.anthropic.models.messages.StopReason;
import com.anthropic.models.messages.TextBlock;
import com.anthropic.models.messages.TextDelta;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The official Anthropic Java SDK, pointed at the simulator's base URL, works unchanged. The SDK
 * validates every response it reads ({@code responseValidation}), so a field of the wrong type or
 * a missing required one fails here. Its calls block, so they run on the JUnit thread.
 */
@ExtendWith(VertxExtension.class)
@DisplayName("The official Anthropic Java SDK against the simulator")
class AnthropicSdkTest {
  private static final String KEY = "sk-ant-sdk-test";

  private Simulator simulator;
  private AnthropicClient anthropic;

  @BeforeEach
  void start(Vertx vertx) throws Exception {
    simulator = Simulator.create(vertx, new SimulatorOptions()).listen()
        .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    anthropic = AnthropicOkHttpClient.builder().baseUrl(simulator.baseUrl("anthropic")).apiKey(KEY)
        .maxRetries(0).responseValidation(true).build();
  }

  @AfterEach
  void stop() {
    anthropic.close();
  }

  private static MessageCreateParams message() {
    return MessageCreateParams.builder().model("claude-haiku-4-5").maxTokens(400).system("You write posts.")
        .addUserMessage(OpenAiSimulatorTest.PROMPT).build();
  }

  @Test
  @DisplayName("a message comes back as a Message with one text block, stop reason end_turn and usage")
  void answers() {
    Message message = anthropic.messages().create(message());

    assertThat(message.id()).startsWith("msg_");
    assertThat(message.model().asString()).isEqualTo("claude-haiku-4-5");
    List<ContentBlock> content = message.content();
    assertThat(content).hasSize(1);
    assertThat(content.get(0).text()).map(TextBlock::text).hasValueSatisfying(text -> assertThat(text)
        .contains("Visit northwind.example").contains("#Roast #Coffee"));
    assertThat(message.stopReason()).hasValue(StopReason.END_TURN);
    assertThat(message.usage().inputTokens()).isPositive();
    assertThat(message.usage().outputTokens()).isPositive();
  }

  @Test
  @DisplayName("a streamed message arrives as text deltas that add up to the whole text, then message_delta and message_stop")
  void streams() {
    MessageAccumulator accumulator = MessageAccumulator.create();
    StringBuilder text = new StringBuilder();
    List<RawMessageStreamEvent> events;
    try (StreamResponse<RawMessageStreamEvent> stream = anthropic.messages().createStreaming(message())) {
      events = stream.stream().peek(accumulator::accumulate).toList();
    }
    events.forEach(event -> event.contentBlockDelta().flatMap(delta -> delta.delta().text()).map(TextDelta::text)
        .ifPresent(text::append));

    assertThat(events.get(0).isMessageStart()).isTrue();
    assertThat(events.get(events.size() - 1).isMessageStop()).as("the stream ends cleanly").isTrue();
    assertThat(events.stream().filter(RawMessageStreamEvent::isContentBlockDelta).count()).isGreaterThan(3);
    Message whole = accumulator.message();
    assertThat(text.toString()).contains("Visit northwind.example")
        .isEqualTo(whole.content().get(0).text().orElseThrow().text());
    assertThat(whole.stopReason()).hasValue(StopReason.END_TURN);
    assertThat(whole.usage().inputTokens()).isPositive();
    assertThat(whole.usage().outputTokens()).as("message_delta's cumulative count").isGreaterThan(1);
  }

  @Test
  @DisplayName("an injected rate limit raises RateLimitException with 429, rate_limit_error, retry-after and the request id")
  void rateLimited(Vertx vertx) throws Exception {
    inject(vertx, new JsonObject().put("provider", "anthropic").put("fault", "rate_limited").put("key", KEY)
        .put("retryAfterSeconds", 5));

    assertThatThrownBy(() -> anthropic.messages().create(message()))
        .isInstanceOfSatisfying(RateLimitException.class, limited -> {
          assertThat(limited.statusCode()).isEqualTo(429);
          assertThat(limited.errorType()).hasValue(ErrorType.RATE_LIMIT_ERROR);
          assertThat(limited.headers().values("retry-after")).containsExactly("5");
          assertThat(limited.requestId()).hasValueSatisfying(id -> assertThat(id).startsWith("req_"));
        });
    assertThat(anthropic.messages().create(message()).content()).as("the fault was spent").hasSize(1);
  }

  @Test
  @DisplayName("an injected overload raises OverloadedException with 529")
  void overloaded(Vertx vertx) throws Exception {
    inject(vertx, new JsonObject().put("provider", "anthropic").put("fault", "overloaded").put("key", KEY));

    assertThatThrownBy(() -> anthropic.messages().create(message()))
        .isInstanceOfSatisfying(OverloadedException.class, overloaded -> {
          assertThat(overloaded.statusCode()).isEqualTo(529);
          assertThat(overloaded.errorType()).hasValue(ErrorType.OVERLOADED_ERROR);
        });
  }

  private void inject(Vertx vertx, JsonObject fault) throws Exception {
    WebClient web = WebClient.create(vertx);
    try {
      int status = web.postAbs(simulator.baseUrl() + "/_simulator/faults").sendJsonObject(fault)
          .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS).statusCode();
      assertThat(status).isEqualTo(201);
    } finally {
      web.close();
    }
  }
}
