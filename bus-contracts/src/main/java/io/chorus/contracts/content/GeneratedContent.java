package io.chorus.contracts.content;

/** A post's text as a provider wrote it, before any platform fitting. */
public record GeneratedContent(String text, String provider, String model) {}
