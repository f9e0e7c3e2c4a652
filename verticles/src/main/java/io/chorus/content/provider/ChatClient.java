package io.chorus.content.provider;

import io.vertx.core.Future;

/**
 * One LLM provider's chat API, spoken over the Vert.x Web Client. Failures are
 * {@link ProviderException}s; every call is bounded by the provider's idle timeout and deadline.
 */
public interface ChatClient {

  /** The provider's name in the chain and in usage, e.g. {@code openai}. */
  String name();

  /** The model asked for. */
  String model();

  /** Writes a reply to the prompt with this API key. */
  Future<Completion> complete(Prompt prompt, String apiKey);
}
