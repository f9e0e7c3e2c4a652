package io.chorus.contracts.events;

import io.chorus.contracts.platform.PlatformEvent;
import java.util.List;

/**
 * Events a platform's webhook just reported, to be stored durably before the platform is answered.
 * Each event's {@code eventId} is derived from the platform's own id for it, so a platform's retry
 * or a replayed request names the same event and is stored once.
 */
public record StoreInboundEvents(List<PlatformEvent> events) {
  public StoreInboundEvents {
    events = List.copyOf(events);
  }
}
