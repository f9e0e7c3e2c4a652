package io.chorus.contracts.platform;

import java.time.Instant;

/** A post the platform accepted, with the id the platform gave it. */
public record PublishResult(String postId, String externalId, Instant publishedAt) {}
