package io.chorus.contracts.tenants;

import io.chorus.contracts.Platform;
import java.util.List;

/**
 * A request to the catalog about a brand's campaigns. Fields an action does not use are null; for
 * UPDATE a null field is left as it is, and a calendar given replaces the whole calendar.
 *
 * @param actor who asks, as the audit log names them
 */
public record CampaignRequest(
    CatalogAction action,
    String brandId,
    String campaignId,
    String name,
    String brief,
    List<String> keyMessages,
    List<String> hashtags,
    String callToAction,
    List<Platform> platforms,
    CampaignCalendar calendar,
    String actor) {

  public CampaignRequest {
    keyMessages = keyMessages == null ? null : List.copyOf(keyMessages);
    hashtags = hashtags == null ? null : List.copyOf(hashtags);
    platforms = platforms == null ? null : List.copyOf(platforms);
  }
}
