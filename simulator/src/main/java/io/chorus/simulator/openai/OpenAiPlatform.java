package io.chorus.simulator.openai;

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
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * OpenAI's Chat Completions API ({@code POST /v1/chat/completions}), plain and streamed, as the
 * official SDKs expect it; also stands in for OpenAI-compatible servers (Ollama, vLLM). Faults come
 * from the {@link FaultBook}.
 */
public final class OpenAiPlatform implements SimulatedPlatform {
  /** What the simulated account may send per minute, shown in the rate-limit headers. */
  private static final int REQUESTS_PER_MINUTE = 5000;
  private static final int TOKENS_PER_MINUTE = 2_000_000;

  private final Vertx vertx;
  private final Router router;
  private final FaultBook faults;
  private final SimulatorOptions options;
  private final LlmTraffic traffic;
  private final Random random = new Random();

  public OpenAiPlatform(Vertx vertx, SimulatorOptions options, FaultBook faults) {
    this.vertx = vertx;
    this.options = options;
    this.faults = faults;
    this.traffic = new LlmTraffic(vertx, options.getLlmChunkDelayMs());
    this.router = Router.router(vertx);
    router.post("/v1/chat/completions").handler(this::chatCompletions);
    router.get("/v1/models").handler(this::models);
    router.route().handler(OpenAiErrors::notFound);
  }

  @Override
  public String id() {
    return "openai";
  }

  @Override
  public Router router() {
    return router;
  }

  @Override
  public void reset() {
    faults.clear();
  }

  private void models(RoutingContext ctx) {
    if (Bearer.token(ctx) == null) {
      OpenAiErrors.noKey(ctx);
      return;
    }
    JsonObject model = new JsonObject().put("id", "gpt-4o-mini").put("object", "model").put("created", 1721172741L)
        .put("owned_by", "system");
    json(ctx.response(), 200, new JsonObject().put("object", "list").put("data", new JsonArray().add(model)));
  }

  private void chatCompletions(RoutingContext ctx) {
    String key = Bearer.token(ctx);
    if (key == null) {
      OpenAiErrors.noKey(ctx);
      return;
    }
    Fault fault = faults.take(id(), key);
    if (fault != null && fault.kind() == FaultKind.UNAUTHORIZED) {
      OpenAiErrors.invalidKey(ctx, key);
      return;
    }
    JsonObject body;
    try {
      body = ctx.body().asJsonObject();
    } catch (DecodeException notJson) {
      body = null;
    }
    if (body == null) {
      OpenAiErrors.invalidRequest(ctx, null, "We could not parse the JSON body of your request.");
      return;
    }
    String problem = problemWith(body);
    if (problem != null) {
      OpenAiErrors.invalidRequest(ctx, problem.substring(0, problem.indexOf(':')), problem.substring(problem.indexOf(':') + 2));
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

  /** The parameter at fault and why, as "param: message", or null. */
  private static String problemWith(JsonObject body) {
    if (!(body.getValue("model") instanceof String model) || model.isBlank()) {
      return "model: you must provide a model parameter";
    }
    if (!(body.getValue("messages") instanceof JsonArray messages) || messages.isEmpty()) {
      return "messages: [] is too short - 'messages'";
    }
    return null;
  }

  private void answer(RoutingContext ctx, JsonObject request, Fault fault) {
    FaultKind kind = fault == null ? null : fault.kind();
    if (kind == FaultKind.RATE_LIMITED) {
      rateLimited(ctx, fault.retryAfterSeconds());
      return;
    }
    if (kind == FaultKind.SERVER_ERROR) {
      OpenAiErrors.send(ctx, 500, "server_error", null, null,
          "The server had an error while processing your request. Sorry about that!");
      return;
    }
    if (kind == FaultKind.UNAVAILABLE || kind == FaultKind.OVERLOADED) {
      OpenAiErrors.send(ctx, 503, "server_error", null, null,
          "The engine is currently overloaded, please try again later.");
      return;
    }
    String model = request.getString("model");
    String prompt = promptOf(request.getJsonArray("messages"));
    String text = SimulatedWriter.write(prompt, random);
    int promptTokens = SimulatedWriter.tokens(prompt) + 4 * request.getJsonArray("messages").size();
    Integer limit = request.getInteger("max_completion_tokens", request.getInteger("max_tokens"));
    String finishReason = "stop";
    if (limit != null && SimulatedWriter.tokens(text) > limit) {
      text = text.substring(0, Math.min(text.length(), limit * 4));
      finishReason = "length";
    }
    Completion completion = new Completion("chatcmpl-" + Ids.trace(29), System.currentTimeMillis() / 1000, model,
        "fp_" + Ids.trace(10).toLowerCase(), text, finishReason, promptTokens, SimulatedWriter.tokens(text));
    HttpServerResponse response = ctx.response();
    headers(response, REQUESTS_PER_MINUTE - 1, "12ms");
    if (request.getBoolean("stream", false)) {
      boolean usage = request.getJsonObject("stream_options", new JsonObject()).getBoolean("include_usage", false);
      response.setChunked(true).putHeader("Content-Type", "text/event-stream; charset=utf-8")
          .putHeader("Cache-Control", "no-cache");
      List<String> events = kind == FaultKind.MALFORMED
          ? List.of("data: {\"id\":\"" + completion.id() + "\",\"object\":\"chat.completion.chunk\",\"choices\":[{\n\n")
          : completion.chunks(usage);
      traffic.stream(response, events, kind == FaultKind.STALL ? 1 : -1, kind == FaultKind.STALL ? fault.delayMs() : 0);
      return;
    }
    if (kind == FaultKind.MALFORMED) {
      response.setStatusCode(200).putHeader("Content-Type", "application/json").end("{\"id\":\"" + completion.id() + "\",\"object\":");
      return;
    }
    json(response, 200, completion.toJson());
  }

  private void rateLimited(RoutingContext ctx, long retryAfterSeconds) {
    HttpServerResponse response = ctx.response();
    headers(response, 0, retryAfterSeconds + "s");
    response.putHeader("retry-after", Long.toString(retryAfterSeconds))
        .putHeader("retry-after-ms", Long.toString(retryAfterSeconds * 1000));
    OpenAiErrors.send(ctx, 429, "requests", "rate_limit_exceeded", null,
        "Rate limit reached for gpt-4o-mini in organization org-simulated on requests per min (RPM): Limit "
            + REQUESTS_PER_MINUTE + ", Used " + REQUESTS_PER_MINUTE + ", Requested 1. Please try again in "
            + retryAfterSeconds + "s. Visit https://platform.openai.com/account/rate-limits to learn more.");
  }

  private static void headers(HttpServerResponse response, int remainingRequests, String resetRequests) {
    response.putHeader("x-request-id", "req_" + Ids.trace(32).toLowerCase())
        .putHeader("openai-processing-ms", "42")
        .putHeader("openai-version", "2020-10-01")
        .putHeader("x-ratelimit-limit-requests", Integer.toString(REQUESTS_PER_MINUTE))
        .putHeader("x-ratelimit-remaining-requests", Integer.toString(remainingRequests))
        .putHeader("x-ratelimit-reset-requests", resetRequests)
        .putHeader("x-ratelimit-limit-tokens", Integer.toString(TOKENS_PER_MINUTE))
        .putHeader("x-ratelimit-remaining-tokens", Integer.toString(remainingRequests == 0 ? 0 : TOKENS_PER_MINUTE - 1000))
        .putHeader("x-ratelimit-reset-tokens", resetRequests);
  }

  /** Every message's text, joined, which is what the simulated model "reads". */
  private static String promptOf(JsonArray messages) {
    List<String> parts = new ArrayList<>();
    for (Object each : messages) {
      if (each instanceof JsonObject message) {
        Object content = message.getValue("content");
        if (content instanceof String text) {
          parts.add(text);
        } else if (content instanceof JsonArray blocks) {
          blocks.forEach(block -> {
            if (block instanceof JsonObject part && "text".equals(part.getString("type"))) {
              parts.add(part.getString("text", ""));
            }
          });
        }
      }
    }
    return String.join("\n", parts);
  }

  private static void json(HttpServerResponse response, int status, JsonObject body) {
    response.setStatusCode(status).putHeader("Content-Type", "application/json").end(body.encode());
  }
}
