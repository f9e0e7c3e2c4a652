package io.chorus.web.stream;

import io.chorus.contracts.Platform;

/**
 * What one client asked to see: one brand, one platform, or everything (nulls).
 */
record StreamFilter(String brandId, Platform platform) {
  static final StreamFilter EVERYTHING = new StreamFilter(null, null);

  /** Whether the event is for this client; an event without a brand or platform concerns them all. */
  boolean wants(StreamEvent event) {
    boolean brandFits = brandId == null || event.brandId() == null || brandId.equals(event.brandId());
    boolean platformFits = platform == null || event.platform() == null || platform == event.platform();
    return brandFits && platformFits;
  }
}
