package io.chorus.contracts.events;

/**
 * The answer to {@link StoreInboundEvents}: every event is now stored (or already was).
 *
 * @param stored events new to Chorus, now waiting for their platform agent
 * @param duplicates events Chorus already had, which will not be handed over again
 */
public record InboundEventsStored(int stored, int duplicates) {}
