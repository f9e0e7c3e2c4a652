package io.chorus.content.provider.anthropic.impl;

import io.chorus.content.provider.Completion;
import io.chorus.content.provider.ErrorStatus;
import io.chorus.content.provider.HttpCall;
import io.chorus.content.provider.Prompt;
import io.chorus.content.provider.ProviderException;
import io.chorus.content.provider.ProviderOptions;
import io.chorus.content.provider.anthropic.AnthropicClient;
import io.chorus.content.provider.sse.SseEvent;
import io.vertx.core.Future;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;

/** Sends messages and reads the whole answer or its event stream. */
public final class AnthropicClientImpl implements AnthropicClient {
  private final WebClient web;
  private final ProviderOptions options;

  public AnthropicClientImpl(WebClient web, ProviderOptions options) {
    this.web = web;
    this.options = options;
  }

  @Override
  public String name() {
    return options.getName();
  }

  @Override
  public String model() {
    return options.getModel();
  }

  @Override
  public Future<Completion> complete(Prompt prompt, String apiKey) {
    JsonObject body = new JsonObject()
        .put("model", options.getModel())
        .put("max_tokens", options.getMaxTokens())
        .put("temperature", Math.min(1.0, options.getTemperature()))
        .put("system", prompt.system())
        .put("messages", new JsonArray().add(new JsonObject().put("role", "user").put("content", prompt.user())));
    if (options.isStream()) {
      body.put("stream", true);
    }
    var request = web.postAbs(options.getBaseUrl() + "/v1/messages")
        .putHeader("x-api-key", apiKey)
        .putHeader("anthropic-version", options.getAnthropicVersion());
    return HttpCall.send(request, body, options, options.isStream()).compose(answer -> {
      if (!answer.ok()) {
        return Future.failedFuture(error(answer.status(), answer));
      }
      try {
        return options.isStream() ? fromStream(answer) : Future.succeededFuture(fromBody(answer.body().toJsonObject()));
      } catch (DecodeException | ClassCastException | NullPointerException malformed) {
        return Future.failedFuture(ProviderException.outage(name() + " sent a malformed answer: " + malformed.getMessage()));
      }
    });
  }

  private Completion fromBody(JsonObject json) {
    StringBuilder text = new StringBuilder();
    for (Object each : json.getJsonArray("content")) {
      JsonObject block = (JsonObject) each;
      if ("text".equals(block.getString("type"))) {
        text.append(block.getString("text"));
      }
    }
    JsonObject usage = json.getJsonObject("usage");
    return new Completion(text.toString().strip(), json.getString("model", options.getModel()),
        usage.getLong("input_tokens", 0L), usage.getLong("output_tokens", 0L), json.getString("stop_reason"));
  }

  /** Reads the events in order; an {@code error} event mid-stream fails the call like an error status. */
  private Future<Completion> fromStream(HttpCall.Answer answer) {
    StringBuilder text = new StringBuilder();
    String model = options.getModel();
    String stopReason = null;
    long inputTokens = 0;
    long outputTokens = 0;
    boolean stopped = false;
    for (SseEvent event : answer.events()) {
      JsonObject data = new JsonObject(event.data());
      String type = data.getString("type", event.event());
      switch (type) {
        case "message_start" -> {
          JsonObject message = data.getJsonObject("message");
          model = message.getString("model", model);
          JsonObject usage = message.getJsonObject("usage", new JsonObject());
          inputTokens = usage.getLong("input_tokens", 0L);
          outputTokens = usage.getLong("output_tokens", 0L);
        }
        case "content_block_delta" -> {
          JsonObject delta = data.getJsonObject("delta");
          if ("text_delta".equals(delta.getString("type"))) {
            text.append(delta.getString("text"));
          }
        }
        case "message_delta" -> {
          stopReason = data.getJsonObject("delta").getString("stop_reason", stopReason);
          outputTokens = data.getJsonObject("usage", new JsonObject()).getLong("output_tokens", outputTokens);
        }
        case "message_stop" -> stopped = true;
        case "error" -> {
          JsonObject error = data.getJsonObject("error", new JsonObject());
          int status = "overloaded_error".equals(error.getString("type")) ? 529 : 500;
          return Future.failedFuture(ErrorStatus.of(name(), status, answer.headers(),
              "error event mid-stream: " + error.getString("message"), false));
        }
        default -> {
          // ping, content_block_start and content_block_stop carry nothing a text post needs.
        }
      }
    }
    if (!stopped) {
      throw new DecodeException("the stream ended before message_stop");
    }
    return Future.succeededFuture(new Completion(text.toString().strip(), model, inputTokens, outputTokens, stopReason));
  }

  private ProviderException error(int status, HttpCall.Answer answer) {
    String message = answer.body().toString();
    boolean quotaSpent = false;
    try {
      JsonObject error = answer.body().toJsonObject().getJsonObject("error");
      if (error != null) {
        message = error.getString("type") + ": " + error.getString("message");
        JsonObject details = error.getJsonObject("details");
        quotaSpent = details != null && "enforced_spend_limit_reached".equals(details.getString("error_code"));
      }
    } catch (DecodeException | ClassCastException notTheEnvelope) {
      // Not Anthropic's envelope: the raw body is the best message there is.
    }
    return ErrorStatus.of(name(), status, answer.headers(), message, quotaSpent);
  }
}
