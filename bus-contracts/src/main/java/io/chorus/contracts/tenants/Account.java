package io.chorus.contracts.tenants;

import io.chorus.contracts.Platform;
import java.time.Instant;

/**
 * A brand's account on a platform, as the API shows it: its credentials are never part of it.
 *
 * @param externalId the platform's id of the account (page id, user id, organization URN, ...)
 * @param status ACTIVE; PAUSED (no new posts are planned or accepted for it); or
 *     NEEDS_REAUTHORIZATION (the platform refused its tokens; its posts wait for new credentials)
 * @param hasCredentials whether Chorus holds tokens to publish with
 * @param managedBy {@code config} or {@code api}, as for {@link Brand#managedBy()}
 */
public record Account(
    String id,
    String brandId,
    Platform platform,
    String handle,
    String externalId,
    String status,
    boolean hasCredentials,
    String managedBy,
    Instant createdAt,
    Instant updatedAt) {}
