package io.chorus.platform.insights;

import io.vertx.core.Future;
import java.util.function.Supplier;

/** How an agent's helpers reach the platform: through the agent's circuit breaker. */
@FunctionalInterface
public interface PlatformCalls {

  /** Runs the call through the breaker; an open breaker fails it as a retryable PLATFORM_UNAVAILABLE. */
  <T> Future<T> call(Supplier<Future<T>> call);
}
