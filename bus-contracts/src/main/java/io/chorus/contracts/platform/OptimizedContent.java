package io.chorus.contracts.platform;

/**
 * A post's text fitted to a platform.
 *
 * @param length the text's length as the platform counts it
 * @param limit the platform's limit in the same unit
 * @param shortened whether the text had to be cut to fit
 */
public record OptimizedContent(String text, int length, int limit, boolean shortened) {}
