package io.chorus.pipeline.post;

import io.chorus.contracts.Platform;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A post this worker holds the publishing lease of; {@code inReplyToExternalId} is set for a reply. */
public record ClaimedPost(
    UUID id,
    String brandId,
    String accountId,
    Platform platform,
    String text,
    int attempt,
    Instant scheduledAt,
    List<String> media,
    String inReplyToExternalId) {}
