package io.chorus.pipeline.workflow;

import io.chorus.contracts.Platform;
import io.chorus.contracts.platform.PostType;
import io.chorus.pipeline.review.BrandRules;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.UUID;

/**
 * A post waiting in a workflow stage, with the campaign and brand facts stages need. A reply has
 * no campaign (empty {@code campaign} and {@code calendar}) and names what it answers.
 *
 * @param postType the shape chosen for the post at planning, or null for the one its media call for
 */
record StagePost(
    UUID id,
    String brandId,
    String campaignId,
    String accountId,
    Platform platform,
    Instant slotAt,
    String text,
    PostType postType,
    JsonObject campaign,
    JsonObject calendar,
    String voice,
    String timeZone,
    BrandRules rules,
    String inReplyToExternalId) {

  /** Whether the post answers a comment or post on the platform. */
  boolean isReply() {
    return inReplyToExternalId != null;
  }
}
