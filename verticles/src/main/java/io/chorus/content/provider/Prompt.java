package io.chorus.content.provider;

/** The system and user messages of one generation, as every provider takes them. */
public record Prompt(String system, String user) {}
