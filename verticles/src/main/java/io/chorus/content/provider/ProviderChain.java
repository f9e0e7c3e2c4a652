package io.chorus.content.provider;

import io.vertx.core.Future;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The configured providers in order, then a last resort that cannot fail (the offline
 * generator): each provider that fails, after its own retries, hands the prompt to the next.
 */
public final class ProviderChain {
  private static final Logger LOG = LoggerFactory.getLogger(ProviderChain.class);

  /** What answered and what it wrote. */
  public record Answer(String provider, Completion completion) {}

  private final List<GuardedProvider> providers;

  public ProviderChain(List<GuardedProvider> providers) {
    this.providers = List.copyOf(providers);
  }

  public List<GuardedProvider> providers() {
    return providers;
  }

  /**
   * The first provider's answer that succeeds, else the last resort's.
   *
   * @param lastResort writes the text when every provider failed; never fails
   */
  public Future<Answer> complete(Prompt prompt, Supplier<Answer> lastResort) {
    return from(0, prompt, lastResort);
  }

  private Future<Answer> from(int index, Prompt prompt, Supplier<Answer> lastResort) {
    if (index == providers.size()) {
      return Future.succeededFuture(lastResort.get());
    }
    GuardedProvider provider = providers.get(index);
    return provider.complete(prompt)
        .map(completion -> new Answer(provider.name(), completion))
        .recover(failure -> {
          String next = index + 1 < providers.size() ? providers.get(index + 1).name() : "the last resort";
          LOG.warn("{} failed ({}); {} answers instead", provider.name(), failure.getMessage(), next);
          return from(index + 1, prompt, lastResort);
        });
  }

  public void close() {
    providers.forEach(GuardedProvider::close);
  }
}
