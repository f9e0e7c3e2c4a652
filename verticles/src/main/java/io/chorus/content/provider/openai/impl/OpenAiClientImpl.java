package io.chorus.content.provider.openai.impl;

import io.chorus.content.provider.Completion;
import io.chorus.content.provider.ErrorStatus;
import io.chorus.content.provider.HttpCall;
import io.chorus.content.provider.Prompt;
import io.chorus.content.provider.ProviderException;
import io.chorus.content.provider.ProviderOptions;
import io.chorus.content.provider.openai.OpenAiClient;
import io.chorus.content.provider.sse.SseEvent;
import io.vertx.core.Future;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;

/** Sends chat completions and reads the whole answer or its {@code chat.completion.chunk} stream. */
public final class OpenAiClientImpl implements OpenAiClient {
  private final WebClient web;
  private final ProviderOptions options;

  public OpenAiClientImpl(WebClient web, ProviderOptions options) {
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
    JsonArray messages = new JsonArray()
        .add(new JsonObject().put("role", "system").put("content", prompt.system()))
        .add(new JsonObject().put("role", "user").put("content", prompt.user()));
    JsonObject body = new JsonObject()
        .put("model", options.getModel())
        .put("messages", messages)
        .put("max_completion_tokens", options.getMaxTokens())
        .put("temperature", options.getTemperature());
    if (options.isStream()) {
      body.put("stream", true).put("stream_options", new JsonObject().put("include_usage", true));
    }
    var request = web.postAbs(options.getBaseUrl() + "/chat/completions");
    if (apiKey != null) {
      request.bearerTokenAuthentication(apiKey);
    }
    return HttpCall.send(request, body, options, options.isStream()).compose(answer -> {
      if (!answer.ok()) {
        return Future.failedFuture(error(answer));
      }
      try {
        return Future.succeededFuture(options.isStream() ? fromStream(answer) : fromBody(answer.body().toJsonObject()));
      } catch (DecodeException | ClassCastException | NullPointerException | IndexOutOfBoundsException malformed) {
        return Future.failedFuture(ProviderException.outage(name() + " sent a malformed answer: " + malformed.getMessage()));
      }
    });
  }

  private Completion fromBody(JsonObject json) {
    JsonObject choice = json.getJsonArray("choices").getJsonObject(0);
    String text = choice.getJsonObject("message").getString("content");
    JsonObject usage = json.getJsonObject("usage", new JsonObject());
    return completion(text, json.getString("model", options.getModel()), usage, choice.getString("finish_reason"));
  }

  private Completion fromStream(HttpCall.Answer answer) {
    StringBuilder text = new StringBuilder();
    String model = options.getModel();
    String finish = null;
    JsonObject usage = new JsonObject();
    boolean done = false;
    for (SseEvent event : answer.events()) {
      if ("[DONE]".equals(event.data().trim())) {
        done = true;
        break;
      }
      JsonObject chunk = new JsonObject(event.data());
      if (chunk.containsKey("error")) {
        throw new DecodeException("error in stream: " + chunk.getJsonObject("error").getString("message"));
      }
      model = chunk.getString("model", model);
      if (chunk.getJsonObject("usage") != null) {
        usage = chunk.getJsonObject("usage");
      }
      for (Object each : chunk.getJsonArray("choices", new JsonArray())) {
        JsonObject choice = (JsonObject) each;
        String piece = choice.getJsonObject("delta", new JsonObject()).getString("content");
        if (piece != null) {
          text.append(piece);
        }
        if (choice.getString("finish_reason") != null) {
          finish = choice.getString("finish_reason");
        }
      }
    }
    if (!done || finish == null) {
      throw new DecodeException("the stream ended before data: [DONE] and a finish_reason");
    }
    return completion(text.toString(), model, usage, finish);
  }

  private Completion completion(String text, String model, JsonObject usage, String finish) {
    if (text == null) {
      throw new DecodeException("no content in the answer");
    }
    return new Completion(text.strip(), model, usage.getLong("prompt_tokens", 0L),
        usage.getLong("completion_tokens", 0L), finish);
  }

  private ProviderException error(HttpCall.Answer answer) {
    String message = answer.body().toString();
    boolean quotaSpent = false;
    try {
      JsonObject error = answer.body().toJsonObject().getJsonObject("error");
      if (error != null) {
        message = error.getString("message", message);
        quotaSpent = "insufficient_quota".equals(error.getString("code"));
      }
    } catch (DecodeException | ClassCastException notTheEnvelope) {
      // Not OpenAI's envelope (a proxy's page, say): the raw body is the best message there is.
    }
    return ErrorStatus.of(name(), answer.status(), answer.headers(), message, quotaSpent);
  }
}
