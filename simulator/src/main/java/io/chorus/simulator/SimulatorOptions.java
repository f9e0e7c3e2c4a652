package io.chorus.simulator;

import io.vertx.core.json.JsonObject;
import java.util.List;

/** Where the simulator listens, how slow it is, and the quotas each simulated platform enforces. */
public class SimulatorOptions {

  public static final String DEFAULT_HOST = "127.0.0.1";
  /** Zero asks the operating system for a free port. */
  public static final int DEFAULT_PORT = 0;
  public static final long DEFAULT_LATENCY_MS = 0;
  public static final long DEFAULT_PROCESSING_MS = 300;
  public static final int DEFAULT_X_POSTS_PER_15_MIN = 100;
  /** The length of X's per-user post window: 15 minutes, shortened by tests to see resets happen. */
  public static final int DEFAULT_X_WINDOW_SECONDS = 900;
  public static final int DEFAULT_X_APP_POSTS_PER_DAY = 10_000;
  /** Meta's app-wide hourly call budget (X-App-Usage); pages have their own, facebookCallsPerHour. */
  public static final int DEFAULT_META_APP_CALLS_PER_HOUR = 100_000;
  /** X's access tokens live two hours; LinkedIn's and TikTok's longer, but tests shorten them all. */
  public static final long DEFAULT_ACCESS_TOKEN_TTL_SECONDS = 7_200;
  /** X documents 10,000 posts per app per day; each simulated user gets the app's cap. */
  public static final int DEFAULT_X_POSTS_PER_DAY = 10_000;
  public static final int DEFAULT_FACEBOOK_CALLS_PER_HOUR = 200;
  public static final int DEFAULT_INSTAGRAM_PUBLISHES_PER_DAY = 100;
  public static final int DEFAULT_LINKEDIN_POSTS_PER_DAY = 150;
  public static final int DEFAULT_TIKTOK_INITS_PER_MINUTE = 6;
  public static final int DEFAULT_TIKTOK_CREATOR_INFO_PER_MINUTE = 20;
  public static final int DEFAULT_TIKTOK_STATUS_PER_MINUTE = 30;
  public static final long DEFAULT_LLM_LATENCY_MS = 0;
  public static final long DEFAULT_LLM_CHUNK_DELAY_MS = 0;
  public static final double DEFAULT_LLM_FAULT_RATE = 0;
  /** Images per key and minute the simulated OpenAI and Stability image APIs each allow. */
  public static final int DEFAULT_IMAGES_PER_MINUTE = 50;
  /** What a creator of an audited app may choose; tests narrow it to an unaudited app's SELF_ONLY. */
  public static final List<String> DEFAULT_TIKTOK_PRIVACY_LEVEL_OPTIONS =
      List.of("PUBLIC_TO_EVERYONE", "MUTUAL_FOLLOW_FRIENDS", "FOLLOWER_OF_CREATOR", "SELF_ONLY");

  private String host = DEFAULT_HOST;
  private int port = DEFAULT_PORT;
  private long latencyMs = DEFAULT_LATENCY_MS;
  private long processingMs = DEFAULT_PROCESSING_MS;
  private int xPostsPer15Min = DEFAULT_X_POSTS_PER_15_MIN;
  private int xPostsPerDay = DEFAULT_X_POSTS_PER_DAY;
  private int xWindowSeconds = DEFAULT_X_WINDOW_SECONDS;
  private int xAppPostsPerDay = DEFAULT_X_APP_POSTS_PER_DAY;
  private int metaAppCallsPerHour = DEFAULT_META_APP_CALLS_PER_HOUR;
  private long accessTokenTtlSeconds = DEFAULT_ACCESS_TOKEN_TTL_SECONDS;
  private int facebookCallsPerHour = DEFAULT_FACEBOOK_CALLS_PER_HOUR;
  private int instagramPublishesPerDay = DEFAULT_INSTAGRAM_PUBLISHES_PER_DAY;
  private int linkedinPostsPerDay = DEFAULT_LINKEDIN_POSTS_PER_DAY;
  private int tiktokInitsPerMinute = DEFAULT_TIKTOK_INITS_PER_MINUTE;
  private int tiktokCreatorInfoPerMinute = DEFAULT_TIKTOK_CREATOR_INFO_PER_MINUTE;
  private int tiktokStatusPerMinute = DEFAULT_TIKTOK_STATUS_PER_MINUTE;
  private long llmLatencyMs = DEFAULT_LLM_LATENCY_MS;
  private long llmChunkDelayMs = DEFAULT_LLM_CHUNK_DELAY_MS;
  private double llmFaultRate = DEFAULT_LLM_FAULT_RATE;
  private int imagesPerMinute = DEFAULT_IMAGES_PER_MINUTE;
  private List<String> tiktokPrivacyLevelOptions = DEFAULT_TIKTOK_PRIVACY_LEVEL_OPTIONS;

  /**
   * Reads the {@code simulator} section of the configuration, quotas under its {@code quotas}
   * object and the LLM providers' behaviour under its {@code llm} object; absent keys keep their defaults.
   */
  public static SimulatorOptions fromJson(JsonObject simulatorSection) {
    JsonObject json = simulatorSection == null ? new JsonObject() : simulatorSection;
    JsonObject quotas = json.getJsonObject("quotas", new JsonObject());
    JsonObject llm = json.getJsonObject("llm", new JsonObject());
    return new SimulatorOptions()
        .setLlmLatencyMs(llm.getLong("latencyMs", DEFAULT_LLM_LATENCY_MS))
        .setLlmChunkDelayMs(llm.getLong("chunkDelayMs", DEFAULT_LLM_CHUNK_DELAY_MS))
        .setLlmFaultRate(llm.getDouble("faultRate", DEFAULT_LLM_FAULT_RATE))
        .setHost(json.getString("host", DEFAULT_HOST))
        .setPort(json.getInteger("port", DEFAULT_PORT))
        .setLatencyMs(json.getLong("latencyMs", DEFAULT_LATENCY_MS))
        .setProcessingMs(json.getLong("processingMs", DEFAULT_PROCESSING_MS))
        .setAccessTokenTtlSeconds(json.getLong("accessTokenTtlSeconds", DEFAULT_ACCESS_TOKEN_TTL_SECONDS))
        .setXWindowSeconds(quotas.getInteger("xWindowSeconds", DEFAULT_X_WINDOW_SECONDS))
        .setXAppPostsPerDay(quotas.getInteger("xAppPostsPerDay", DEFAULT_X_APP_POSTS_PER_DAY))
        .setMetaAppCallsPerHour(quotas.getInteger("metaAppCallsPerHour", DEFAULT_META_APP_CALLS_PER_HOUR))
        .setXPostsPer15Min(quotas.getInteger("xPostsPer15Min", DEFAULT_X_POSTS_PER_15_MIN))
        .setXPostsPerDay(quotas.getInteger("xPostsPerDay", DEFAULT_X_POSTS_PER_DAY))
        .setFacebookCallsPerHour(quotas.getInteger("facebookCallsPerHour", DEFAULT_FACEBOOK_CALLS_PER_HOUR))
        .setInstagramPublishesPerDay(
            quotas.getInteger("instagramPublishesPerDay", DEFAULT_INSTAGRAM_PUBLISHES_PER_DAY))
        .setLinkedinPostsPerDay(quotas.getInteger("linkedinPostsPerDay", DEFAULT_LINKEDIN_POSTS_PER_DAY))
        .setTiktokInitsPerMinute(quotas.getInteger("tiktokInitsPerMinute", DEFAULT_TIKTOK_INITS_PER_MINUTE))
        .setTiktokCreatorInfoPerMinute(
            quotas.getInteger("tiktokCreatorInfoPerMinute", DEFAULT_TIKTOK_CREATOR_INFO_PER_MINUTE))
        .setTiktokStatusPerMinute(quotas.getInteger("tiktokStatusPerMinute", DEFAULT_TIKTOK_STATUS_PER_MINUTE))
        .setImagesPerMinute(quotas.getInteger("imagesPerMinute", DEFAULT_IMAGES_PER_MINUTE));
  }

  public String getHost() {
    return host;
  }

  public SimulatorOptions setHost(String host) {
    this.host = host;
    return this;
  }

  public int getPort() {
    return port;
  }

  public SimulatorOptions setPort(int port) {
    this.port = port;
    return this;
  }

  public long getLatencyMs() {
    return latencyMs;
  }

  public SimulatorOptions setLatencyMs(long latencyMs) {
    this.latencyMs = latencyMs;
    return this;
  }

  public long getProcessingMs() {
    return processingMs;
  }

  public SimulatorOptions setProcessingMs(long processingMs) {
    this.processingMs = processingMs;
    return this;
  }

  public int getXPostsPer15Min() {
    return xPostsPer15Min;
  }

  public SimulatorOptions setXPostsPer15Min(int xPostsPer15Min) {
    this.xPostsPer15Min = xPostsPer15Min;
    return this;
  }

  public int getXPostsPerDay() {
    return xPostsPerDay;
  }

  public SimulatorOptions setXPostsPerDay(int xPostsPerDay) {
    this.xPostsPerDay = xPostsPerDay;
    return this;
  }

  public int getFacebookCallsPerHour() {
    return facebookCallsPerHour;
  }

  public SimulatorOptions setFacebookCallsPerHour(int facebookCallsPerHour) {
    this.facebookCallsPerHour = facebookCallsPerHour;
    return this;
  }

  public int getInstagramPublishesPerDay() {
    return instagramPublishesPerDay;
  }

  public SimulatorOptions setInstagramPublishesPerDay(int instagramPublishesPerDay) {
    this.instagramPublishesPerDay = instagramPublishesPerDay;
    return this;
  }

  public int getLinkedinPostsPerDay() {
    return linkedinPostsPerDay;
  }

  public SimulatorOptions setLinkedinPostsPerDay(int linkedinPostsPerDay) {
    this.linkedinPostsPerDay = linkedinPostsPerDay;
    return this;
  }

  public int getTiktokInitsPerMinute() {
    return tiktokInitsPerMinute;
  }

  public SimulatorOptions setTiktokInitsPerMinute(int tiktokInitsPerMinute) {
    this.tiktokInitsPerMinute = tiktokInitsPerMinute;
    return this;
  }

  public int getTiktokCreatorInfoPerMinute() {
    return tiktokCreatorInfoPerMinute;
  }

  public SimulatorOptions setTiktokCreatorInfoPerMinute(int tiktokCreatorInfoPerMinute) {
    this.tiktokCreatorInfoPerMinute = tiktokCreatorInfoPerMinute;
    return this;
  }

  public int getTiktokStatusPerMinute() {
    return tiktokStatusPerMinute;
  }

  public SimulatorOptions setTiktokStatusPerMinute(int tiktokStatusPerMinute) {
    this.tiktokStatusPerMinute = tiktokStatusPerMinute;
    return this;
  }

  /** Added before every simulated LLM answer (or its first streamed event). */
  public long getLlmLatencyMs() {
    return llmLatencyMs;
  }

  public SimulatorOptions setLlmLatencyMs(long llmLatencyMs) {
    this.llmLatencyMs = llmLatencyMs;
    return this;
  }

  /** Between two events of a simulated LLM stream. */
  public long getLlmChunkDelayMs() {
    return llmChunkDelayMs;
  }

  public SimulatorOptions setLlmChunkDelayMs(long llmChunkDelayMs) {
    this.llmChunkDelayMs = llmChunkDelayMs;
    return this;
  }

  /** The share of LLM requests answered with a random transient fault (429, 500, 503, overloaded). */
  public double getLlmFaultRate() {
    return llmFaultRate;
  }

  public SimulatorOptions setLlmFaultRate(double llmFaultRate) {
    this.llmFaultRate = llmFaultRate;
    return this;
  }

  public int getImagesPerMinute() {
    return imagesPerMinute;
  }

  public SimulatorOptions setImagesPerMinute(int imagesPerMinute) {
    this.imagesPerMinute = imagesPerMinute;
    return this;
  }

  /** The privacy levels TikTok's creator info offers every creator. */
  public List<String> getTiktokPrivacyLevelOptions() {
    return tiktokPrivacyLevelOptions;
  }

  public SimulatorOptions setTiktokPrivacyLevelOptions(List<String> tiktokPrivacyLevelOptions) {
    this.tiktokPrivacyLevelOptions = List.copyOf(tiktokPrivacyLevelOptions);
    return this;
  }

  public int getXWindowSeconds() {
    return xWindowSeconds;
  }

  public SimulatorOptions setXWindowSeconds(int xWindowSeconds) {
    this.xWindowSeconds = xWindowSeconds;
    return this;
  }

  public int getXAppPostsPerDay() {
    return xAppPostsPerDay;
  }

  public SimulatorOptions setXAppPostsPerDay(int xAppPostsPerDay) {
    this.xAppPostsPerDay = xAppPostsPerDay;
    return this;
  }

  public int getMetaAppCallsPerHour() {
    return metaAppCallsPerHour;
  }

  public SimulatorOptions setMetaAppCallsPerHour(int metaAppCallsPerHour) {
    this.metaAppCallsPerHour = metaAppCallsPerHour;
    return this;
  }

  public long getAccessTokenTtlSeconds() {
    return accessTokenTtlSeconds;
  }

  /** How long access tokens issued by the simulated token endpoints live. */
  public SimulatorOptions setAccessTokenTtlSeconds(long accessTokenTtlSeconds) {
    this.accessTokenTtlSeconds = accessTokenTtlSeconds;
    return this;
  }
}
