package io.chorus.content.provider.anthropic;

import io.chorus.content.provider.ChatClient;
import io.chorus.content.provider.ProviderOptions;
import io.chorus.content.provider.anthropic.impl.AnthropicClientImpl;
import io.vertx.ext.web.client.WebClient;

/**
 * Anthropic's Messages API ({@code POST {baseUrl}/v1/messages} with {@code x-api-key} and
 * {@code anthropic-version}), streamed as its message_start ... message_stop events when the
 * options ask.
 */
public interface AnthropicClient extends ChatClient {

  static AnthropicClient create(WebClient web, ProviderOptions options) {
    return new AnthropicClientImpl(web, options);
  }
}
