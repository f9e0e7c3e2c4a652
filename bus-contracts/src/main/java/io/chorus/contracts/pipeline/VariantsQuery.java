package io.chorus.contracts.pipeline;

/** Ask for every variant written for one post. */
public record VariantsQuery(String postId) {}
