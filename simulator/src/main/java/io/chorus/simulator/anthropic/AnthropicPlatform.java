package io.chorus.simulator.anthropic;

import io.chorus.simulator.SimulatorOptions;
import io.chorus.simulator.llm.Fault;
import io.chorus.simulator.llm.FaultBook;
import io.chorus.simulator.llm.FaultKind;
import io.chorus.simulator.llm.LlmTraffic;
import io.chorus.simulator.llm.SimulatedWriter;
import io.chorus.simulator.support.Bearer;
import io.chorus.simulator.support.Ids;
import io.chorus.simulator.support.SimulatedPlatform;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Anthropic's Messages API ({@code POST /v1/messages}), plain and streamed, with its headers
 * ({@code x-api-key} or a bearer key, {@code anthropic-version}), error envelope, rate-limit headers and 529
 * overloaded errors. Faults come from the {@link FaultBook}.
 */
public final class AnthropicPlatform implements SimulatedPlatform {
  private static final int REQUESTS_PER_MINUTE = 4000;
  private static final int TOKENS_PER_MINUTE = 400_000;

  private final Vertx vertx;
  private final Router router;
  private final FaultBook faults;
  private final SimulatorOptions options;
  private final LlmTraffic traffic;
  private final Random random = new Random();

  public AnthropicPlatform(Vertx vertx, SimulatorOptions options, FaultBook faults) {
    this.vertx = vertx;
    this.options = options;
    this.faults = faults;
    this.traffic = new LlmTraffic(vertx, options.getLlmChunkDelayMs());
    this.router = Router.router(vertx);
    router.post("/v1/messages").handler(this::messages);
    router.route().handler(AnthropicErrors::notFound);
  }

  @Override
  public String id() {
    return "anthropic";
  }

  @Override
  public Router router() {
    return router;
  }

  @Override
  public void reset() {
    faults.clear();
  }

  private void messages(RoutingContext ctx) {
    String key = apiKey(ctx);
    if (key == null) {
      AnthropicErrors.send(ctx, 401, "authentication_error", "x-api-key header is required");
      return;
    }
    Fault fault = faults.take(id(), key);
    if (fault != null && fault.kind() == FaultKind.UNAUTHORIZED) {
      AnthropicErrors.send(ctx, 401, "authentication_error", "invalid x-api-key");
      return;
    }
    if (ctx.request().getHeader("anthropic-version") == null) {
      AnthropicErrors.send(ctx, 400, "invalid_request_error", "anthropic-version: header is required");
      return;
    }
    JsonObject body;
    try {
      body = ctx.body().asJsonObject();
    } catch (DecodeException notJson) {
      body = null;
    }
    if (body == null) {
      AnthropicErrors.send(ctx, 400, "invalid_request_error", "There was an issue with your request body: invalid JSON");
      return;
    }
    String problem = problemWith(body);
    if (problem != null) {
      AnthropicErrors.send(ctx, 400, "invalid_request_error", problem);
      return;
    }
    JsonObject request = body;
    long delay = options.getLlmLatencyMs() + (fault != null && fault.kind() == FaultKind.SLOW ? fault.delayMs() : 0);
    if (delay > 0) {
      vertx.setTimer(delay, timer -> answer(ctx, request, fault));
    } else {
      answer(ctx, request, fault);
    }
  }

  /**
   * The key from {@code x-api-key}, or from {@code Authorization: Bearer}, which is where the
   * official SDKs (anthropic-java 3.x) send it; null when neither carries one.
   */
  private static String apiKey(RoutingContext ctx) {
    String key = ctx.request().getHeader("x-api-key");
    return key != null && !key.isBlank() ? key : Bearer.raw(ctx);
  }

  private static String problemWith(JsonObject body) {
    if (!(body.getValue("model") instanceof String model) || model.isBlank()) {
      return "model: Field required";
    }
    if (!(body.getValue("max_tokens") instanceof Number maxTokens)) {
      return "max_tokens: Field required";
    }
    if (maxTokens.intValue() < 1) {
      return "max_tokens: Input should be greater than or equal to 1";
    }
    if (!(body.getValue("messages") instanceof JsonArray messages) || messages.isEmpty()) {
      return "messages: Field required";
    }
    if (messages.getValue(0) instanceof JsonObject first && !"user".equals(first.getString("role"))) {
      return "messages: first message must use the \"user\" role";
    }
    return null;
  }

  private void answer(RoutingContext ctx, JsonObject request, Fault fault) {
    FaultKind kind = fault == null ? null : fault.kind();
    HttpServerResponse response = ctx.response();
    if (kind == FaultKind.RATE_LIMITED) {
      headers(response, 0, Instant.now().plusSeconds(fault.retryAfterSeconds()));
      response.putHeader("retry-after", Long.toString(fault.retryAfterSeconds()));
      AnthropicErrors.send(ctx, 429, "rate_limit_error", "This request would exceed the rate limit for your"
          + " organization of " + REQUESTS_PER_MINUTE + " requests per minute. For details, refer to:"
          + " https://docs.claude.com/en/api/rate-limits.");
      return;
    }
    if (kind == FaultKind.SERVER_ERROR) {
      AnthropicErrors.send(ctx, 500, "api_error", "Internal server error");
      return;
    }
    if (kind == FaultKind.UNAVAILABLE) {
      AnthropicErrors.send(ctx, 503, "api_error", "Service unavailable");
      return;
    }
    if (kind == FaultKind.OVERLOADED) {
      AnthropicErrors.send(ctx, 529, "overloaded_error", "Overloaded");
      return;
    }
    String prompt = promptOf(request);
    String text = SimulatedWriter.write(prompt, random);
    int maxTokens = request.getInteger("max_tokens");
    String stopReason = "end_turn";
    if (SimulatedWriter.tokens(text) > maxTokens) {
      text = text.substring(0, Math.min(text.length(), maxTokens * 4));
      stopReason = "max_tokens";
    }
    Message message = new Message("msg_01" + Ids.trace(22), request.getString("model"), text, stopReason,
        SimulatedWriter.tokens(prompt) + 8, SimulatedWriter.tokens(text));
    headers(response, REQUESTS_PER_MINUTE - 1, Instant.now().plusSeconds(60));
    response.putHeader("request-id", AnthropicErrors.requestId());
    if (request.getBoolean("stream", false)) {
      response.setChunked(true).putHeader("Content-Type", "text/event-stream; charset=utf-8")
          .putHeader("Cache-Control", "no-cache");
      List<String> events = kind == FaultKind.MALFORMED
          ? List.of(message.events().get(0), "event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\n\n")
          : message.events();
      traffic.stream(response, events, kind == FaultKind.STALL ? 2 : -1, kind == FaultKind.STALL ? fault.delayMs() : 0);
      return;
    }
    if (kind == FaultKind.MALFORMED) {
      response.setStatusCode(200).putHeader("Content-Type", "application/json").end("{\"id\":\"" + message.id() + "\",\"type\":");
      return;
    }
    response.setStatusCode(200).putHeader("Content-Type", "application/json").end(message.toJson().encode());
  }

  private static void headers(HttpServerResponse response, int remaining, Instant reset) {
    String at = reset.toString();
    response.putHeader("anthropic-ratelimit-requests-limit", Integer.toString(REQUESTS_PER_MINUTE))
        .putHeader("anthropic-ratelimit-requests-remaining", Integer.toString(remaining))
        .putHeader("anthropic-ratelimit-requests-reset", at)
        .putHeader("anthropic-ratelimit-tokens-limit", Integer.toString(TOKENS_PER_MINUTE))
        .putHeader("anthropic-ratelimit-tokens-remaining", Integer.toString(remaining == 0 ? 0 : TOKENS_PER_MINUTE - 1000))
        .putHeader("anthropic-ratelimit-tokens-reset", at)
        .putHeader("anthropic-ratelimit-input-tokens-limit", Integer.toString(TOKENS_PER_MINUTE))
        .putHeader("anthropic-ratelimit-input-tokens-remaining", Integer.toString(remaining == 0 ? 0 : TOKENS_PER_MINUTE - 800))
        .putHeader("anthropic-ratelimit-input-tokens-reset", at)
        .putHeader("anthropic-ratelimit-output-tokens-limit", Integer.toString(TOKENS_PER_MINUTE / 5))
        .putHeader("anthropic-ratelimit-output-tokens-remaining", Integer.toString(remaining == 0 ? 0 : TOKENS_PER_MINUTE / 5 - 200))
        .putHeader("anthropic-ratelimit-output-tokens-reset", at);
  }

  /** The system prompt and every message's text, which is what the simulated model "reads". */
  private static String promptOf(JsonObject request) {
    List<String> parts = new ArrayList<>();
    Object system = request.getValue("system");
    if (system instanceof String text) {
      parts.add(text);
    } else if (system instanceof JsonArray blocks) {
      addText(blocks, parts);
    }
    for (Object each : request.getJsonArray("messages")) {
      if (each instanceof JsonObject message) {
        Object content = message.getValue("content");
        if (content instanceof String text) {
          parts.add(text);
        } else if (content instanceof JsonArray blocks) {
          addText(blocks, parts);
        }
      }
    }
    return String.join("\n", parts);
  }

  private static void addText(JsonArray blocks, List<String> parts) {
    blocks.forEach(block -> {
      if (block instanceof JsonObject part && "text".equals(part.getString("type"))) {
        parts.add(part.getString("text", ""));
      }
    });
  }
}
