package io.chorus.contracts.pipeline;

/** Ask for one post and every state change it went through. */
public record PostHistoryQuery(String postId) {}
