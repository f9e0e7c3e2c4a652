package io.chorus.contracts.pipeline;

import java.util.List;

/** The posts a {@link PlanRequest} created; empty when every due slot was already planned. */
public record PlanResult(String campaignId, List<String> postIds) {

  public PlanResult {
    postIds = List.copyOf(postIds);
  }
}
