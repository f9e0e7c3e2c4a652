package io.chorus.contracts.tenants;

import io.chorus.contracts.Platform;
import java.time.Instant;
import java.util.List;

/**
 * A brand's campaign: what its posts are about, on which platforms, and its calendar.
 *
 * @param plannedSlots how many calendar slots the Team Leader has turned into posts so far
 * @param managedBy {@code config} or {@code api}, as for {@link Brand#managedBy()}
 */
public record Campaign(
    String id,
    String brandId,
    String name,
    String brief,
    List<String> keyMessages,
    List<String> hashtags,
    String callToAction,
    List<Platform> platforms,
    CampaignCalendar calendar,
    int plannedSlots,
    String managedBy,
    Instant createdAt,
    Instant updatedAt) {

  public Campaign {
    keyMessages = List.copyOf(keyMessages);
    hashtags = List.copyOf(hashtags);
    platforms = List.copyOf(platforms);
  }
}
