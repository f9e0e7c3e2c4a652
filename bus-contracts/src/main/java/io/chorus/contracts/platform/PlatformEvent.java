package io.chorus.contracts.platform;

import io.chorus.contracts.Platform;
import java.time.Instant;

/**
 * Something a platform told Chorus about one of its accounts (a comment, a mention, a direct
 * message), as received by an inbound webhook or found by polling, handed to that platform's
 * agent. Delivery is at-least-once: agents treat a repeated {@code eventId} as already handled.
 *
 * @param eventId stable id Chorus gave the event when it stored it
 * @param accountHandle the account's id on the platform (page id, user id, organization URN)
 * @param kind what happened, one of {@link Kind}
 * @param externalId the platform's id of the comment or mention itself
 * @param inReplyToExternalId the platform's id of the post or comment it answers, if any
 * @param body the platform's own payload for this event, as JSON text
 */
public record PlatformEvent(
    String eventId,
    Platform platform,
    String accountHandle,
    Kind kind,
    String externalId,
    String inReplyToExternalId,
    String authorHandle,
    String text,
    Instant occurredAt,
    String body) {

  /** The kinds of event agents act on; anything else arrives as {@link #OTHER}. */
  public enum Kind { COMMENT, MENTION, MESSAGE, OTHER }
}
