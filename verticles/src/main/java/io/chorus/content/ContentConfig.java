package io.chorus.content;

import io.chorus.content.provider.ProviderOptions;
import io.chorus.content.provider.RetryPolicy;
import io.vertx.circuitbreaker.CircuitBreakerOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * The Content verticle's settings, read from the {@code content} section of the configuration
 * (and {@code redis} for the cache).
 *
 * @param offlineSeed {@code content.offline.seed}: with each request's seed, fixes what the offline generator writes
 * @param providers the providers of {@code content.chain} that can be used, in chain order: openai and
 *     anthropic when they have API keys, local when it has a base URL; the offline generator always follows them
 * @param retry {@code content.retry}
 * @param breaker {@code content.circuitBreaker}, one breaker per provider
 * @param cache {@code content.cache}
 * @param maxConnections {@code content.maxConnections}: HTTP connections open at once to each provider's
 *     host; generations beyond it wait for one, and a wait longer than the provider's connect
 *     timeout fails the call
 */
public record ContentConfig(long offlineSeed, List<ProviderOptions> providers, RetryPolicy retry,
    CircuitBreakerOptions breaker, CacheSettings cache, int maxConnections) {
  /** The offline seed when the configuration names none. */
  public static final long DEFAULT_OFFLINE_SEED = 0L;
  public static final int DEFAULT_MAX_CONNECTIONS = 64;
  /** The provider names {@code content.chain} may list. */
  public static final List<String> PROVIDER_NAMES = List.of("anthropic", "openai", "local", "offline");

  /**
   * Where generated texts are kept and for how long.
   *
   * @param enabled false asks a provider every time
   */
  public record CacheSettings(boolean enabled, long ttlSeconds, String keyPrefix, String redisUri, long commandTimeoutMs) {}

  /** Reads the settings from the whole Chorus configuration. */
  public static ContentConfig fromJson(JsonObject config) {
    JsonObject content = config.getJsonObject("content", new JsonObject());
    JsonObject offline = content.getJsonObject("offline", new JsonObject());
    JsonObject retry = content.getJsonObject("retry", new JsonObject());
    JsonObject breaker = content.getJsonObject("circuitBreaker", new JsonObject());
    JsonObject cache = content.getJsonObject("cache", new JsonObject());
    JsonObject redis = config.getJsonObject("redis", new JsonObject());
    return new ContentConfig(
        offline.getLong("seed", DEFAULT_OFFLINE_SEED),
        providers(content),
        new RetryPolicy(retry.getInteger("maxAttempts", RetryPolicy.DEFAULT.maxAttempts()),
            retry.getLong("initialMs", RetryPolicy.DEFAULT.initialMs()), retry.getLong("maxMs", RetryPolicy.DEFAULT.maxMs()),
            retry.getDouble("jitter", RetryPolicy.DEFAULT.jitter())),
        new CircuitBreakerOptions()
            .setMaxFailures(breaker.getInteger("maxFailures", CircuitBreakerOptions.DEFAULT_MAX_FAILURES))
            .setResetTimeout(breaker.getLong("resetMs", CircuitBreakerOptions.DEFAULT_RESET_TIMEOUT))
            // Each call has its own idle timeout and deadline; the breaker adds none.
            .setTimeout(-1),
        new CacheSettings(cache.getBoolean("enabled", false), cache.getLong("ttlSeconds", 86_400L),
            cache.getString("keyPrefix", "chorus:content:"), redis.getString("uri", "redis://127.0.0.1:6379"),
            redis.getLong("commandTimeoutMs", 1000L)),
        content.getInteger("maxConnections", DEFAULT_MAX_CONNECTIONS));
  }

  private static List<ProviderOptions> providers(JsonObject content) {
    JsonObject sections = content.getJsonObject("providers", new JsonObject());
    List<ProviderOptions> usable = new ArrayList<>();
    for (Object each : content.getJsonArray("chain", new JsonArray().add("offline"))) {
      String name = String.valueOf(each);
      JsonObject section = sections.getJsonObject(name);
      if (section == null || name.equals("offline")) {
        continue;
      }
      ProviderOptions options = options(name, section);
      boolean configured = name.equals("local") ? options.getBaseUrl() != null : !options.getApiKeys().isEmpty();
      if (configured) {
        usable.add(options);
      }
    }
    return usable;
  }

  private static ProviderOptions options(String name, JsonObject section) {
    List<String> keys = new ArrayList<>();
    section.getJsonArray("apiKeys", new JsonArray()).forEach(key -> keys.add(String.valueOf(key)));
    ProviderOptions options = new ProviderOptions()
        .setName(name)
        .setModel(section.getString("model"))
        .setApiKeys(keys)
        .setStream(section.getBoolean("stream", ProviderOptions.DEFAULT_STREAM))
        .setMaxTokens(section.getInteger("maxTokens", ProviderOptions.DEFAULT_MAX_TOKENS))
        .setTemperature(section.getDouble("temperature", ProviderOptions.DEFAULT_TEMPERATURE))
        .setConnectTimeoutMs(section.getLong("connectTimeoutMs", ProviderOptions.DEFAULT_CONNECT_TIMEOUT_MS))
        .setIdleTimeoutMs(section.getLong("idleTimeoutMs", ProviderOptions.DEFAULT_IDLE_TIMEOUT_MS))
        .setDeadlineMs(section.getLong("deadlineMs", ProviderOptions.DEFAULT_DEADLINE_MS))
        .setAnthropicVersion(section.getString("version", ProviderOptions.DEFAULT_ANTHROPIC_VERSION));
    String baseUrl = section.getString("baseUrl");
    return baseUrl == null ? options : options.setBaseUrl(baseUrl);
  }
}
