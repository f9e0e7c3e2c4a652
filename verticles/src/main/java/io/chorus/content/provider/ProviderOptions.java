package io.chorus.content.provider;

import java.util.List;

/** Where one provider is, which model to ask, with which keys, and how long to wait for it. */
public class ProviderOptions {
  public static final boolean DEFAULT_STREAM = true;
  public static final int DEFAULT_MAX_TOKENS = 400;
  public static final double DEFAULT_TEMPERATURE = 0.8;
  public static final long DEFAULT_CONNECT_TIMEOUT_MS = 5000;
  public static final long DEFAULT_IDLE_TIMEOUT_MS = 15000;
  public static final long DEFAULT_DEADLINE_MS = 60000;
  public static final String DEFAULT_ANTHROPIC_VERSION = "2023-06-01";

  private String name;
  private String baseUrl;
  private String model;
  private List<String> apiKeys = List.of();
  private boolean stream = DEFAULT_STREAM;
  private int maxTokens = DEFAULT_MAX_TOKENS;
  private double temperature = DEFAULT_TEMPERATURE;
  private long connectTimeoutMs = DEFAULT_CONNECT_TIMEOUT_MS;
  private long idleTimeoutMs = DEFAULT_IDLE_TIMEOUT_MS;
  private long deadlineMs = DEFAULT_DEADLINE_MS;
  private String anthropicVersion = DEFAULT_ANTHROPIC_VERSION;

  public String getName() {
    return name;
  }

  public ProviderOptions setName(String name) {
    this.name = name;
    return this;
  }

  /** For OpenAI and compatible servers the base includes {@code /v1}; for Anthropic it does not, as in their SDKs. */
  public String getBaseUrl() {
    return baseUrl;
  }

  public ProviderOptions setBaseUrl(String baseUrl) {
    this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    return this;
  }

  public String getModel() {
    return model;
  }

  public ProviderOptions setModel(String model) {
    this.model = model;
    return this;
  }

  public List<String> getApiKeys() {
    return apiKeys;
  }

  public ProviderOptions setApiKeys(List<String> apiKeys) {
    this.apiKeys = List.copyOf(apiKeys);
    return this;
  }

  /** Whether to stream the answer, so a long generation is bounded by the idle timeout between chunks. */
  public boolean isStream() {
    return stream;
  }

  public ProviderOptions setStream(boolean stream) {
    this.stream = stream;
    return this;
  }

  public int getMaxTokens() {
    return maxTokens;
  }

  public ProviderOptions setMaxTokens(int maxTokens) {
    this.maxTokens = maxTokens;
    return this;
  }

  public double getTemperature() {
    return temperature;
  }

  public ProviderOptions setTemperature(double temperature) {
    this.temperature = temperature;
    return this;
  }

  public long getConnectTimeoutMs() {
    return connectTimeoutMs;
  }

  public ProviderOptions setConnectTimeoutMs(long connectTimeoutMs) {
    this.connectTimeoutMs = connectTimeoutMs;
    return this;
  }

  /** The longest silence allowed: before the first byte, and between two chunks of a stream. */
  public long getIdleTimeoutMs() {
    return idleTimeoutMs;
  }

  public ProviderOptions setIdleTimeoutMs(long idleTimeoutMs) {
    this.idleTimeoutMs = idleTimeoutMs;
    return this;
  }

  /** The most one call may take in all, however steadily it streams. */
  public long getDeadlineMs() {
    return deadlineMs;
  }

  public ProviderOptions setDeadlineMs(long deadlineMs) {
    this.deadlineMs = deadlineMs;
    return this;
  }

  /** The {@code anthropic-version} header; Anthropic only. */
  public String getAnthropicVersion() {
    return anthropicVersion;
  }

  public ProviderOptions setAnthropicVersion(String anthropicVersion) {
    this.anthropicVersion = anthropicVersion;
    return this;
  }
}
