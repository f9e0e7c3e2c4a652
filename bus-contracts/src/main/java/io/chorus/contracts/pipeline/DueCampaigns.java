package io.chorus.contracts.pipeline;

import java.util.List;

/** The ids of the campaigns answering a {@link DueCampaignsQuery}, configured or created through the API. */
public record DueCampaigns(List<String> campaignIds) {

  public DueCampaigns {
    campaignIds = List.copyOf(campaignIds);
  }
}
