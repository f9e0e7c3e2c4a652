package io.chorus.contracts.content;

/**
 * A post's text as a provider wrote it, before any platform fitting, with what writing it used.
 *
 * @param inputTokens tokens the provider read (0 when it does not count, as offline)
 * @param outputTokens tokens the provider wrote (offline: an estimate)
 * @param cost what the generation cost in US dollars, from the configured price table; 0 when
 *     served from the cache or offline
 */
public record GeneratedContent(
    String text, String provider, String model, long inputTokens, long outputTokens, double cost) {}
