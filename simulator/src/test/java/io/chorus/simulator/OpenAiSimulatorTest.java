package io.chorus.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@DisplayName("The simulated OpenAI Chat Completions API")
class OpenAiSimulatorTest {
  static final String PROMPT = "Write one post for this campaign.\nBrief: A new roast.\nKey messages:\n"
      + "- roasted on Tuesdays\n- fair prices for the farm\nHashtags: #Roast #Coffee\nTrends: first frost; slow mornings\n"
      + "Call to action: Visit northwind.example\n";

  private Simulator simulator;
  private WebClient client;

  @BeforeEach
  void start(Vertx vertx, VertxTestContext ctx) {
    client = WebClient.create(vertx);
    Simulator.create(vertx, new SimulatorOptions()).listen().onComplete(ctx.succeeding(started -> {
      simulator = started;
      ctx.completeNow();
    }));
  }

  private Future<HttpResponse<Buffer>> chat(String key, JsonObject body) {
    var request = client.postAbs(simulator.baseUrl("openai") + "/v1/chat/completions");
    if (key != null) {
      request.bearerTokenAuthentication(key);
    }
    return request.sendJsonObject(body);
  }

  static JsonObject body(boolean stream) {
    JsonObject body = new JsonObject().put("model", "gpt-4o-mini").put("messages", new JsonArray()
        .add(new JsonObject().put("role", "system").put("content", "You write posts."))
        .add(new JsonObject().put("role", "user").put("content", PROMPT)));
    return stream ? body.put("stream", true).put("stream_options", new JsonObject().put("include_usage", true)) : body;
  }

  private Future<HttpResponse<Buffer>> inject(JsonObject fault) {
    return client.postAbs(simulator.baseUrl() + "/_simulator/faults").sendJsonObject(fault);
  }

  @Test
  @DisplayName("a completion has a chatcmpl id, the assistant's message, finish_reason stop and token usage")
  void completes(VertxTestContext ctx) {
    chat("sk-test-1", body(false)).onComplete(ctx.succeeding(response -> ctx.verify(() -> {
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.getHeader("x-request-id")).startsWith("req_");
      assertThat(response.getHeader("x-ratelimit-limit-requests")).isNotBlank();
      JsonObject json = response.bodyAsJsonObject();
      assertThat(json.getString("id")).startsWith("chatcmpl-");
      assertThat(json.getString("object")).isEqualTo("chat.completion");
      assertThat(json.getLong("created")).isPositive();
      assertThat(json.getString("model")).isEqualTo("gpt-4o-mini");
      JsonObject choice = json.getJsonArray("choices").getJsonObject(0);
      assertThat(choice.getString("finish_reason")).isEqualTo("stop");
      assertThat(choice.getJsonObject("message").getString("role")).isEqualTo("assistant");
      assertThat(choice.getJsonObject("message").getString("content")).contains("Visit northwind.example");
      JsonObject usage = json.getJsonObject("usage");
      assertThat(usage.getInteger("prompt_tokens")).isPositive();
      assertThat(usage.getInteger("completion_tokens")).isPositive();
      assertThat(usage.getInteger("total_tokens"))
          .isEqualTo(usage.getInteger("prompt_tokens") + usage.getInteger("completion_tokens"));
      ctx.completeNow();
    })));
  }

  @Test
  @DisplayName("a streamed completion sends chat.completion.chunk events, a usage chunk, then data: [DONE]")
  void streams(VertxTestContext ctx) {
    chat("sk-test-1", body(true)).onComplete(ctx.succeeding(response -> ctx.verify(() -> {
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.getHeader("Content-Type")).startsWith("text/event-stream");
      List<String> events = Arrays.stream(response.bodyAsString().split("\n\n")).filter(e -> !e.isBlank()).toList();
      assertThat(events).allMatch(event -> event.startsWith("data: "));
      assertThat(events.get(events.size() - 1)).isEqualTo("data: [DONE]");
      JsonObject first = new JsonObject(events.get(0).substring(6));
      assertThat(first.getString("object")).isEqualTo("chat.completion.chunk");
      assertThat(first.getJsonArray("choices").getJsonObject(0).getJsonObject("delta").getString("role"))
          .isEqualTo("assistant");
      StringBuilder text = new StringBuilder();
      String finish = null;
      for (String event : events.subList(0, events.size() - 2)) {
        JsonObject choice = new JsonObject(event.substring(6)).getJsonArray("choices").getJsonObject(0);
        text.append(choice.getJsonObject("delta").getString("content", ""));
        finish = choice.getString("finish_reason", finish);
      }
      assertThat(text.toString()).contains("Visit northwind.example");
      assertThat(finish).isEqualTo("stop");
      JsonObject usageChunk = new JsonObject(events.get(events.size() - 2).substring(6));
      assertThat(usageChunk.getJsonArray("choices")).isEmpty();
      assertThat(usageChunk.getJsonObject("usage").getInteger("completion_tokens")).isPositive();
      ctx.completeNow();
    })));
  }

  @Test
  @DisplayName("no key, or a key the tests revoked, gets 401 in OpenAI's error envelope")
  void refusesKeys(VertxTestContext ctx) {
    chat(null, body(false))
        .compose(noKey -> {
          ctx.verify(() -> {
            assertThat(noKey.statusCode()).isEqualTo(401);
            assertThat(noKey.bodyAsJsonObject().getJsonObject("error").getString("type"))
                .isEqualTo("invalid_request_error");
          });
          return inject(new JsonObject().put("provider", "openai").put("fault", "unauthorized").put("key", "sk-revoked")
              .put("times", -1));
        })
        .compose(injected -> chat("sk-revoked", body(false)))
        .compose(revoked -> {
          ctx.verify(() -> {
            assertThat(revoked.statusCode()).isEqualTo(401);
            JsonObject error = revoked.bodyAsJsonObject().getJsonObject("error");
            assertThat(error.getString("code")).isEqualTo("invalid_api_key");
            assertThat(error.getString("message")).startsWith("Incorrect API key provided");
            assertThat(error.containsKey("param")).isTrue();
          });
          return chat("sk-good", body(false));
        })
        .onComplete(ctx.succeeding(other -> ctx.verify(() -> {
          assertThat(other.statusCode()).as("another key is not affected").isEqualTo(200);
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("an injected rate limit answers 429 rate_limit_exceeded with retry-after and x-ratelimit-reset headers, once")
  void rateLimits(VertxTestContext ctx) {
    inject(new JsonObject().put("provider", "openai").put("fault", "rate_limited").put("retryAfterSeconds", 7))
        .compose(injected -> chat("sk-test-1", body(false)))
        .compose(limited -> {
          ctx.verify(() -> {
            assertThat(limited.statusCode()).isEqualTo(429);
            assertThat(limited.getHeader("retry-after")).isEqualTo("7");
            assertThat(limited.getHeader("x-ratelimit-remaining-requests")).isEqualTo("0");
            assertThat(limited.getHeader("x-ratelimit-reset-requests")).isEqualTo("7s");
            JsonObject error = limited.bodyAsJsonObject().getJsonObject("error");
            assertThat(error.getString("code")).isEqualTo("rate_limit_exceeded");
          });
          return chat("sk-test-1", body(false));
        })
        .onComplete(ctx.succeeding(next -> ctx.verify(() -> {
          assertThat(next.statusCode()).isEqualTo(200);
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("server errors, overload and malformed bodies are answered as injected")
  void otherFaults(VertxTestContext ctx) {
    inject(new JsonObject().put("provider", "openai").put("fault", "server_error"))
        .compose(i -> inject(new JsonObject().put("provider", "openai").put("fault", "overloaded")))
        .compose(i -> inject(new JsonObject().put("provider", "openai").put("fault", "malformed")))
        .compose(i -> chat("k", body(false)))
        .compose(serverError -> {
          ctx.verify(() -> {
            assertThat(serverError.statusCode()).isEqualTo(500);
            assertThat(serverError.bodyAsJsonObject().getJsonObject("error").getString("type")).isEqualTo("server_error");
          });
          return chat("k", body(false));
        })
        .compose(overloaded -> {
          ctx.verify(() -> assertThat(overloaded.statusCode()).isEqualTo(503));
          return chat("k", body(false));
        })
        .onComplete(ctx.succeeding(malformed -> ctx.verify(() -> {
          assertThat(malformed.statusCode()).isEqualTo(200);
          assertThat(malformed.bodyAsString()).doesNotEndWith("}");
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("a request without a model is refused with 400 naming the param")
  void refusesMissingModel(VertxTestContext ctx) {
    chat("k", new JsonObject().put("messages", new JsonArray().add(new JsonObject().put("role", "user").put("content", "hi"))))
        .onComplete(ctx.succeeding(response -> ctx.verify(() -> {
          assertThat(response.statusCode()).isEqualTo(400);
          assertThat(response.bodyAsJsonObject().getJsonObject("error").getString("param")).isEqualTo("model");
          ctx.completeNow();
        })));
  }
}
