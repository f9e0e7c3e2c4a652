package io.chorus.contracts.platform;

/** Whether the platform has the post, and its id there when it does. */
public record ReconcileResult(String postId, boolean found, String externalId) {}
