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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@DisplayName("The simulated Anthropic Messages API")
class AnthropicSimulatorTest {
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

  private Future<HttpResponse<Buffer>> messages(String key, String version, JsonObject body) {
    var request = client.postAbs(simulator.baseUrl("anthropic") + "/v1/messages");
    if (key != null) {
      request.putHeader("x-api-key", key);
    }
    if (version != null) {
      request.putHeader("anthropic-version", version);
    }
    return request.sendJsonObject(body);
  }

  private static JsonObject body(boolean stream) {
    return new JsonObject().put("model", "claude-haiku-4-5").put("max_tokens", 400).put("system", "You write posts.")
        .put("messages", new JsonArray().add(new JsonObject().put("role", "user").put("content", OpenAiSimulatorTest.PROMPT)))
        .put("stream", stream);
  }

  private Future<HttpResponse<Buffer>> inject(JsonObject fault) {
    return client.postAbs(simulator.baseUrl() + "/_simulator/faults").sendJsonObject(fault);
  }

  @Test
  @DisplayName("a message has a msg_ id, a text block, stop_reason end_turn, usage and the rate-limit headers")
  void answers(VertxTestContext ctx) {
    messages("sk-ant-1", "2023-06-01", body(false)).onComplete(ctx.succeeding(response -> ctx.verify(() -> {
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.getHeader("request-id")).startsWith("req_");
      assertThat(Instant.parse(response.getHeader("anthropic-ratelimit-requests-reset"))).isAfter(Instant.now());
      JsonObject json = response.bodyAsJsonObject();
      assertThat(json.getString("id")).startsWith("msg_");
      assertThat(json.getString("type")).isEqualTo("message");
      assertThat(json.getString("role")).isEqualTo("assistant");
      assertThat(json.getString("stop_reason")).isEqualTo("end_turn");
      assertThat(json.containsKey("stop_sequence")).isTrue();
      JsonObject block = json.getJsonArray("content").getJsonObject(0);
      assertThat(block.getString("type")).isEqualTo("text");
      assertThat(block.getString("text")).contains("Visit northwind.example");
      assertThat(json.getJsonObject("usage").getInteger("input_tokens")).isPositive();
      assertThat(json.getJsonObject("usage").getInteger("output_tokens")).isPositive();
      ctx.completeNow();
    })));
  }

  @Test
  @DisplayName("a streamed message sends message_start, content_block_*, message_delta and message_stop events in order")
  void streams(VertxTestContext ctx) {
    messages("sk-ant-1", "2023-06-01", body(true)).onComplete(ctx.succeeding(response -> ctx.verify(() -> {
      assertThat(response.getHeader("Content-Type")).startsWith("text/event-stream");
      List<String> names = new ArrayList<>();
      StringBuilder text = new StringBuilder();
      for (String event : response.bodyAsString().split("\n\n")) {
        String[] lines = event.split("\n");
        String name = lines[0].substring("event: ".length());
        JsonObject data = new JsonObject(lines[1].substring("data: ".length()));
        assertThat(data.getString("type")).isEqualTo(name);
        if (!names.contains(name)) {
          names.add(name);
        }
        if (name.equals("content_block_delta")) {
          text.append(data.getJsonObject("delta").getString("text"));
        }
        if (name.equals("message_delta")) {
          assertThat(data.getJsonObject("delta").getString("stop_reason")).isEqualTo("end_turn");
          assertThat(data.getJsonObject("usage").getInteger("output_tokens")).isPositive();
        }
      }
      assertThat(names).containsExactly("message_start", "content_block_start", "ping", "content_block_delta",
          "content_block_stop", "message_delta", "message_stop");
      assertThat(text.toString()).contains("Visit northwind.example");
      ctx.completeNow();
    })));
  }

  @Test
  @DisplayName("a missing or revoked x-api-key gets 401 authentication_error; a missing anthropic-version gets 400")
  void checksHeaders(VertxTestContext ctx) {
    messages(null, "2023-06-01", body(false))
        .compose(noKey -> {
          ctx.verify(() -> {
            assertThat(noKey.statusCode()).isEqualTo(401);
            JsonObject json = noKey.bodyAsJsonObject();
            assertThat(json.getString("type")).isEqualTo("error");
            assertThat(json.getJsonObject("error").getString("type")).isEqualTo("authentication_error");
            assertThat(json.getString("request_id")).startsWith("req_");
          });
          return messages("sk-ant-1", null, body(false));
        })
        .compose(noVersion -> {
          ctx.verify(() -> {
            assertThat(noVersion.statusCode()).isEqualTo(400);
            assertThat(noVersion.bodyAsJsonObject().getJsonObject("error").getString("type"))
                .isEqualTo("invalid_request_error");
          });
          return inject(new JsonObject().put("provider", "anthropic").put("fault", "unauthorized").put("key", "sk-ant-old"));
        })
        .compose(injected -> messages("sk-ant-old", "2023-06-01", body(false)))
        .onComplete(ctx.succeeding(revoked -> ctx.verify(() -> {
          assertThat(revoked.statusCode()).isEqualTo(401);
          assertThat(revoked.bodyAsJsonObject().getJsonObject("error").getString("message")).isEqualTo("invalid x-api-key");
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("rate limits answer 429 with retry-after and anthropic-ratelimit headers; overload answers 529 overloaded_error")
  void faults(VertxTestContext ctx) {
    inject(new JsonObject().put("provider", "anthropic").put("fault", "rate_limited").put("retryAfterSeconds", 3))
        .compose(i -> inject(new JsonObject().put("provider", "anthropic").put("fault", "overloaded")))
        .compose(i -> messages("k", "2023-06-01", body(false)))
        .compose(limited -> {
          ctx.verify(() -> {
            assertThat(limited.statusCode()).isEqualTo(429);
            assertThat(limited.getHeader("retry-after")).isEqualTo("3");
            assertThat(limited.getHeader("anthropic-ratelimit-requests-remaining")).isEqualTo("0");
            assertThat(Instant.parse(limited.getHeader("anthropic-ratelimit-requests-reset"))).isAfter(Instant.now());
            assertThat(limited.bodyAsJsonObject().getJsonObject("error").getString("type")).isEqualTo("rate_limit_error");
          });
          return messages("k", "2023-06-01", body(false));
        })
        .onComplete(ctx.succeeding(overloaded -> ctx.verify(() -> {
          assertThat(overloaded.statusCode()).isEqualTo(529);
          assertThat(overloaded.bodyAsJsonObject().getJsonObject("error").getString("type")).isEqualTo("overloaded_error");
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("a request without max_tokens is refused with 400 invalid_request_error")
  void requiresMaxTokens(VertxTestContext ctx) {
    JsonObject body = body(false);
    body.remove("max_tokens");
    messages("k", "2023-06-01", body).onComplete(ctx.succeeding(response -> ctx.verify(() -> {
      assertThat(response.statusCode()).isEqualTo(400);
      assertThat(response.bodyAsJsonObject().getJsonObject("error").getString("message")).contains("max_tokens");
      ctx.completeNow();
    })));
  }
}
