package io.chorus.contracts.pipeline;

import java.time.Instant;

/** Which campaigns have calendar slots left to plan up to {@code until}. {@code -> DueCampaigns}. */
public record DueCampaignsQuery(Instant until) {}
