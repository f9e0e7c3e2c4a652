package io.chorus.contracts.pipeline;

import java.time.Instant;

/**
 * A post a partner or editor wrote: it enters the pipeline with its text, GENERATED, so it is
 * still fitted to its platform, reviewed and scheduled like a planned post.
 * {@code PostCreate -> PostView}.
 *
 * @param campaignId the brand's campaign it belongs to, or null for none
 * @param mediaUrl an image or video the platform fetches, or null
 * @param scheduledAt the earliest time it goes out; null for as soon as it is approved
 * @param actor who wrote it, kept in its history and the audit log
 */
public record PostCreate(
    String brandId,
    String accountId,
    String campaignId,
    String text,
    String mediaUrl,
    Instant scheduledAt,
    String actor) {}
