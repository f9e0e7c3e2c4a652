package io.chorus.contracts.webhooks;

import java.time.Instant;

/**
 * One event on its way to one subscription.
 *
 * @param eventId the {@code webhook-id} the partner receives; the same on every attempt
 * @param status PENDING (waiting for its next attempt), SUCCEEDED, or DEAD (attempts exhausted,
 *     or the target is gone); a DEAD delivery can be replayed
 * @param lastStatus the HTTP status of the last attempt, or null when it got no answer
 */
public record WebhookDelivery(
    String id,
    String subscriptionId,
    String eventId,
    String eventType,
    String status,
    int attempts,
    Instant nextAttemptAt,
    Instant lastAttemptAt,
    Integer lastStatus,
    String lastError,
    Instant deliveredAt,
    Instant createdAt) {}
