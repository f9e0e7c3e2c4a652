package io.chorus.content.provider;

import io.vertx.circuitbreaker.CircuitBreaker;
import io.vertx.circuitbreaker.CircuitBreakerOptions;
import io.vertx.circuitbreaker.CircuitBreakerState;
import io.vertx.circuitbreaker.OpenCircuitException;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One provider behind its circuit breaker (named {@code content.<provider>}), with its keys used
 * in turn and its calls retried with backoff. A refused key is set aside and reported; a
 * rate-limited key rests until its reset and the next key is tried at once; outages are retried
 * after a backoff; a request the provider rejects is not retried.
 */
public final class GuardedProvider {
  private static final Logger LOG = LoggerFactory.getLogger(GuardedProvider.class);

  private final Vertx vertx;
  private final ChatClient client;
  private final KeyRing keys;
  private final boolean keyRequired;
  private final RetryPolicy retry;
  private final CircuitBreaker breaker;
  private final BiConsumer<String, String> keyRejected;

  /**
   * @param keyRejected told the provider's name and the refused key (redacted) the first time a key is set aside
   */
  public GuardedProvider(Vertx vertx, ChatClient client, ProviderOptions options, RetryPolicy retry,
      CircuitBreakerOptions breakerOptions, BiConsumer<String, String> keyRejected) {
    this.vertx = vertx;
    this.client = client;
    this.keys = new KeyRing(options.getApiKeys());
    this.keyRequired = !options.getApiKeys().isEmpty();
    this.retry = retry;
    this.keyRejected = keyRejected;
    String name = "content." + client.name();
    this.breaker = CircuitBreaker.create(name, vertx, new CircuitBreakerOptions(breakerOptions))
        // Only outages count: a refused key or a rate limit says nothing about the provider's health.
        .failurePolicy(outcome -> outcome.failed()
            && !(outcome.cause() instanceof ProviderException pe && pe.kind() != ProviderException.Kind.OUTAGE))
        .openHandler(v -> LOG.warn("circuit breaker {} opened after repeated failures", name))
        .halfOpenHandler(v -> LOG.info("circuit breaker {} half-open, trying the provider again", name))
        .closeHandler(v -> LOG.info("circuit breaker {} closed", name));
  }

  public String name() {
    return client.name();
  }

  public String model() {
    return client.model();
  }

  public CircuitBreakerState state() {
    return breaker.state();
  }

  public Future<Completion> complete(Prompt prompt) {
    Promise<Completion> result = Promise.promise();
    attempt(prompt, 1, result);
    return result.future();
  }

  private void attempt(Prompt prompt, int attempt, Promise<Completion> result) {
    String key = keyRequired ? keys.next(System.currentTimeMillis()) : null;
    if (keyRequired && key == null) {
      result.fail(noKey());
      return;
    }
    breaker.<Completion>execute(promise -> client.complete(prompt, key).onComplete(promise))
        .onSuccess(result::complete)
        .onFailure(failure -> failed(prompt, attempt, key, failure, result));
  }

  private void failed(Prompt prompt, int attempt, String key, Throwable failure, Promise<Completion> result) {
    if (failure instanceof OpenCircuitException) {
      result.fail(ProviderException.outage(name() + "'s circuit breaker is open"));
      return;
    }
    ProviderException problem = failure instanceof ProviderException pe
        ? pe : ProviderException.outage(name() + ": " + failure.getMessage());
    switch (problem.kind()) {
      case UNAUTHORIZED -> {
        if (key == null) {
          // A keyless server that wants a key: no other key to try.
          result.fail(problem);
          return;
        }
        if (keys.setAside(key)) {
          LOG.error("{} refused API key {} ({}); it is set aside, {} key(s) left", name(), KeyRing.redacted(key),
              problem.getMessage(), keys.usable());
          keyRejected.accept(name(), KeyRing.redacted(key));
        }
        // Another key is not a retry of the same call: it does not spend an attempt.
        again(prompt, attempt, 0, problem, result, false);
      }
      case RATE_LIMITED -> {
        if (key == null) {
          again(prompt, attempt, retry.delayMs(attempt, problem.retryAfterMs()), problem, result, true);
          return;
        }
        long wait = Math.max(problem.retryAfterMs(), retry.initialMs());
        keys.rest(key, System.currentTimeMillis() + wait);
        LOG.warn("{} rate-limited key {}; it rests {} ms", name(), KeyRing.redacted(key), wait);
        // The next usable key goes at once; with none, again() waits for the first to wake.
        again(prompt, attempt, 0, problem, result, true);
      }
      case OUTAGE -> again(prompt, attempt, retry.delayMs(attempt, problem.retryAfterMs()), problem, result, true);
      case REJECTED -> result.fail(problem);
    }
  }

  /** Tries again after {@code delayMs}, unless the attempts are spent or every key is out of use. */
  private void again(Prompt prompt, int attempt, long delayMs, ProviderException last, Promise<Completion> result,
      boolean spendsAttempt) {
    int next = spendsAttempt ? attempt + 1 : attempt;
    if (next > retry.maxAttempts() || (keyRequired && keys.usable() == 0)) {
      result.fail(last);
      return;
    }
    long wait = delayMs;
    if (keyRequired) {
      long usableAt = keys.nextUsableAt();
      wait = Math.max(wait, usableAt - System.currentTimeMillis());
    }
    if (wait > retry.maxMs()) {
      // Longer than any backoff we would accept: the next provider in the chain answers instead.
      result.fail(last);
      return;
    }
    if (wait <= 0) {
      attempt(prompt, next, result);
    } else {
      vertx.setTimer(wait, timer -> attempt(prompt, next, result));
    }
  }

  private ProviderException noKey() {
    long at = keys.nextUsableAt();
    return at < 0
        ? new ProviderException(ProviderException.Kind.UNAUTHORIZED, 401, 0, name() + " has no usable API key")
        : new ProviderException(ProviderException.Kind.RATE_LIMITED, 429, at - System.currentTimeMillis(),
            name() + "'s keys are all resting");
  }

  public void close() {
    breaker.close();
  }
}
