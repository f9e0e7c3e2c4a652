package io.chorus.web.stream;

import io.chorus.contracts.Platform;

/**
 * One event as the node numbered it, kept for replay.
 *
 * @param seq the node's sequence number, increasing by one per event
 * @param brandId the brand it concerns, or null when it concerns every brand
 * @param platform the platform it concerns, or null when it concerns every platform
 * @param data the payload as JSON text, or null when it is rendered per client ({@link #metrics})
 * @param metrics the live snapshot this event carries, for {@code metrics} events
 */
record StreamEvent(long seq, String name, String brandId, Platform platform, String data, MetricsSnapshot metrics) {}
