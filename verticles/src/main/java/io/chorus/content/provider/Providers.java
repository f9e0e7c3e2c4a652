package io.chorus.content.provider;

import io.chorus.content.provider.anthropic.AnthropicClient;
import io.chorus.content.provider.openai.OpenAiClient;
import io.vertx.circuitbreaker.CircuitBreakerOptions;
import io.vertx.core.Vertx;
import io.vertx.ext.web.client.WebClient;
import java.util.List;
import java.util.function.BiConsumer;

/** Builds the chain of guarded providers from their options: anthropic speaks Anthropic, the rest OpenAI. */
public final class Providers {

  private Providers() {
  }

  public static ProviderChain chain(Vertx vertx, WebClient web, List<ProviderOptions> providers, RetryPolicy retry,
      CircuitBreakerOptions breaker, BiConsumer<String, String> keyRejected) {
    return new ProviderChain(providers.stream()
        .map(options -> new GuardedProvider(vertx, client(web, options), options, retry, breaker, keyRejected))
        .toList());
  }

  private static ChatClient client(WebClient web, ProviderOptions options) {
    return options.getName().equals("anthropic")
        ? AnthropicClient.create(web, options)
        : OpenAiClient.create(web, options);
  }
}
