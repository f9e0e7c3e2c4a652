package io.chorus.contracts.platform;

/**
 * A platform agent's answer to a {@link PlatformEvent}: what it did with it.
 *
 * @param outcome short word for the action taken, such as {@code reply-drafted} or {@code ignored}
 * @param postId the post Chorus created in answer, if any
 */
public record PlatformEventHandled(String eventId, String outcome, String postId) {}
