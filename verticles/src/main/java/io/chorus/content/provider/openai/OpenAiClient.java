package io.chorus.content.provider.openai;

import io.chorus.content.provider.ChatClient;
import io.chorus.content.provider.ProviderOptions;
import io.chorus.content.provider.openai.impl.OpenAiClientImpl;
import io.vertx.ext.web.client.WebClient;

/**
 * OpenAI's Chat Completions API ({@code POST {baseUrl}/chat/completions}, Bearer key), streamed
 * with {@code stream: true} when the options ask; also any OpenAI-compatible server (Ollama, vLLM,
 * LM Studio) by its base URL.
 */
public interface OpenAiClient extends ChatClient {

  static OpenAiClient create(WebClient web, ProviderOptions options) {
    return new OpenAiClientImpl(web, options);
  }
}
