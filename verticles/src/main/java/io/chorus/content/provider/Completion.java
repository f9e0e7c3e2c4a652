package io.chorus.content.provider;

/**
 * What a provider wrote for one prompt.
 *
 * @param finishReason the provider's own word for why it stopped ({@code stop}, {@code end_turn}, {@code length}...)
 */
public record Completion(String text, String model, long inputTokens, long outputTokens, String finishReason) {}
