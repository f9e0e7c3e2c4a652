package io.chorus.contracts.tenants;

import java.time.Instant;

/**
 * An API token as its owners see it.
 *
 * @param brandId the only brand it may act for, or null for every brand
 * @param secret the token itself: set only in the reply to ISSUE, since only its hash is stored
 * @param createdBy who issued it
 * @param lastUsedAt when it last authenticated a request (to the minute), or null if never
 * @param revokedAt when it was revoked, or null while it is live
 */
public record ApiToken(
    String id,
    String name,
    String role,
    String brandId,
    String secret,
    String createdBy,
    Instant createdAt,
    Instant lastUsedAt,
    Instant revokedAt) {}
