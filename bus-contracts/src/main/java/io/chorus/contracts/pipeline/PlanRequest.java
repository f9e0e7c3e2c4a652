package io.chorus.contracts.pipeline;

import java.time.Instant;

/** Create the posts of every calendar slot of a campaign that starts before {@code until}. */
public record PlanRequest(String campaignId, Instant until) {}
