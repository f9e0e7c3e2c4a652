package io.chorus.contracts.tenants;

import java.util.List;

/** A brand's campaigns, by id. */
public record CampaignPage(List<Campaign> items) {

  public CampaignPage {
    items = List.copyOf(items);
  }
}
