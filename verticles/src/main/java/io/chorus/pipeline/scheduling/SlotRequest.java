package io.chorus.pipeline.scheduling;

import io.chorus.contracts.Platform;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;

/**
 * A post to place: it may go out anywhere in {@code [slotAt, slotAt + window)}, judged by the
 * clock of {@code zone}, the brand's time zone.
 */
public record SlotRequest(UUID postId, String accountId, Platform platform, Instant slotAt, Duration window,
    ZoneId zone) {}
