package io.chorus.contracts.tenants;

import java.time.Instant;
import java.util.List;

/**
 * A brand, the tenant every account, campaign and post belongs to.
 *
 * @param timeZone the IANA zone its calendars and best times are read in
 * @param managedBy {@code config} when the configuration declares it (and alone may change it),
 *     {@code api} when it was created through the API
 */
public record Brand(
    String id,
    String name,
    String timeZone,
    String voice,
    List<String> bannedWords,
    String managedBy,
    Instant createdAt,
    Instant updatedAt) {

  public Brand {
    bannedWords = List.copyOf(bannedWords);
  }
}
