package io.chorus.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.http.StreamResponse;
import com.openai.errors.RateLimitException;
import com.openai.errors.UnauthorizedException;
import com.openai.helpers.ChatCompletionAccumulator;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionStreamOptions;
import com.openai.models.completions.CompletionUsage;
import com.openai.models.images.Image;
import com.openai.models.images.ImageGenerateParams;
import com.openai.models.images.ImageModel;
import com.openai.models.images.ImagesResponse;
import com.openai.models.models.Model;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The official OpenAI Java SDK, pointed at the simulator's base URL, works unchanged. The SDK
 * validates every response it reads ({@code responseValidation}), so a field of the wrong type or
 * a missing required one fails here. Its calls block, so they run on the JUnit thread.
 */
@ExtendWith(VertxExtension.class)
@DisplayName("The official OpenAI Java SDK against the simulator")
class OpenAiSdkTest {
  private static final String KEY = "sk-sdk-test";

  private Simulator simulator;
  private OpenAIClient openai;

  @BeforeEach
  void start(Vertx vertx) throws Exception {
    simulator = Simulator.create(vertx, new SimulatorOptions()).listen()
        .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    openai = client(KEY);
  }

  @AfterEach
  void stop() {
    openai.close();
  }

  private OpenAIClient client(String key) {
    return OpenAIOkHttpClient.builder().baseUrl(simulator.baseUrl("openai") + "/v1").apiKey(key)
        .maxRetries(0).responseValidation(true).build();
  }

  private static ChatCompletionCreateParams.Builder chat() {
    return ChatCompletionCreateParams.builder().model("gpt-4o-mini").addSystemMessage("You write posts.")
        .addUserMessage(OpenAiSimulatorTest.PROMPT);
  }

  @Test
  @DisplayName("a chat completion comes back as a ChatCompletion with the assistant's text, finish reason stop and usage")
  void completes() {
    ChatCompletion completion = openai.chat().completions().create(chat().build());

    assertThat(completion.id()).startsWith("chatcmpl-");
    assertThat(completion.model()).isEqualTo("gpt-4o-mini");
    ChatCompletion.Choice choice = completion.choices().get(0);
    assertThat(choice.finishReason()).isEqualTo(ChatCompletion.Choice.FinishReason.STOP);
    assertThat(choice.message().content()).hasValueSatisfying(text -> assertThat(text)
        .contains("Visit northwind.example").contains("#Roast #Coffee"));
    CompletionUsage usage = completion.usage().orElseThrow();
    assertThat(usage.promptTokens()).isPositive();
    assertThat(usage.completionTokens()).isPositive();
    assertThat(usage.totalTokens()).isEqualTo(usage.promptTokens() + usage.completionTokens());
  }

  @Test
  @DisplayName("a streamed completion arrives chunk by chunk, adds up to the whole text with usage, and ends at [DONE]")
  void streams() {
    ChatCompletionCreateParams params = chat()
        .streamOptions(ChatCompletionStreamOptions.builder().includeUsage(true).build()).build();
    ChatCompletionAccumulator accumulator = ChatCompletionAccumulator.create();
    StringBuilder text = new StringBuilder();
    long chunks;
    try (StreamResponse<ChatCompletionChunk> stream = openai.chat().completions().createStreaming(params)) {
      chunks = stream.stream().peek(accumulator::accumulate)
          .peek(chunk -> chunk.choices().forEach(choice -> choice.delta().content().ifPresent(text::append)))
          .count();
    }

    assertThat(chunks).as("a role chunk, a chunk a word, the finish and the usage chunk").isGreaterThan(5);
    ChatCompletion whole = accumulator.chatCompletion();
    assertThat(text.toString()).contains("Visit northwind.example")
        .isEqualTo(whole.choices().get(0).message().content().orElseThrow());
    assertThat(whole.choices().get(0).finishReason()).isEqualTo(ChatCompletion.Choice.FinishReason.STOP);
    assertThat(whole.usage().orElseThrow().completionTokens()).isPositive();
  }

  @Test
  @DisplayName("the model list names gpt-4o-mini")
  void listsModels() {
    List<Model> models = openai.models().list().data();

    assertThat(models).extracting(Model::id).contains("gpt-4o-mini");
    assertThat(models.get(0).ownedBy()).isNotBlank();
  }

  @Test
  @DisplayName("an image generation answers gpt-image-1's base64 PNG and its token usage")
  void generatesImages() {
    ImagesResponse response = openai.images().generate(ImageGenerateParams.builder().model(ImageModel.GPT_IMAGE_1)
        .prompt("a cup of coffee at dawn").size(ImageGenerateParams.Size._1024X1024).build());

    Image image = response.data().orElseThrow().get(0);
    byte[] png = Base64.getDecoder().decode(image.b64Json().orElseThrow());
    assertThat(png).startsWith(0x89, 'P', 'N', 'G');
    ImagesResponse.Usage usage = response.usage().orElseThrow();
    assertThat(usage.inputTokens()).isPositive();
    assertThat(usage.totalTokens()).isEqualTo(usage.inputTokens() + usage.outputTokens());
    assertThat(usage.inputTokensDetails().textTokens()).isEqualTo(usage.inputTokens());
    assertThat(response.size()).hasValue(ImagesResponse.Size._1024X1024);
  }

  @Test
  @DisplayName("an injected rate limit raises RateLimitException with 429, rate_limit_exceeded and retry-after")
  void rateLimited(Vertx vertx) throws Exception {
    inject(vertx, new JsonObject().put("provider", "openai").put("fault", "rate_limited").put("key", KEY)
        .put("retryAfterSeconds", 7));

    assertThatThrownBy(() -> openai.chat().completions().create(chat().build()))
        .isInstanceOfSatisfying(RateLimitException.class, limited -> {
          assertThat(limited.statusCode()).isEqualTo(429);
          assertThat(limited.code()).hasValue("rate_limit_exceeded");
          assertThat(limited.headers().values("retry-after")).containsExactly("7");
        });
    assertThat(openai.chat().completions().create(chat().build()).choices()).as("the fault was spent").hasSize(1);
  }

  @Test
  @DisplayName("a revoked key raises UnauthorizedException with 401 and invalid_api_key")
  void unauthorized(Vertx vertx) throws Exception {
    inject(vertx, new JsonObject().put("provider", "openai").put("fault", "unauthorized").put("key", "sk-revoked")
        .put("times", -1));

    OpenAIClient revoked = client("sk-revoked");
    try {
      assertThatThrownBy(() -> revoked.chat().completions().create(chat().build()))
          .isInstanceOfSatisfying(UnauthorizedException.class, refused -> {
            assertThat(refused.statusCode()).isEqualTo(401);
            assertThat(refused.code()).hasValue("invalid_api_key");
          });
    } finally {
      revoked.close();
    }
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
