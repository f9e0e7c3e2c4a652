package io.chorus.contracts.pipeline;

import io.chorus.contracts.Platform;
import io.chorus.contracts.PostState;
import java.time.Instant;

/** A post as readers see it: what it says, where it goes, and where it is in its life. */
public record PostView(
    String id,
    String brandId,
    String campaignId,
    String accountId,
    Platform platform,
    PostState state,
    String text,
    String externalId,
    int attempts,
    Instant slotAt,
    Instant scheduledAt,
    Instant publishedAt,
    Instant updatedAt,
    String lastError) {}
