package io.chorus.contracts.pipeline;

import io.chorus.contracts.Platform;
import io.chorus.contracts.PostState;

/**
 * Filters for listing posts, newest first (by creation, then id), one page at a time.
 *
 * @param state only posts in this state, or null for all
 * @param platform only posts for this platform, or null for all
 * @param brandId only posts of this brand, or null for all
 * @param campaignId only posts of this campaign, or null for all
 * @param after only posts that come after this one in the listing's order: the previous page's
 *     {@link PostPage#next()}, or null for the first page
 */
public record PostQuery(
    PostState state, Platform platform, int limit, String brandId, String campaignId, PostCursor after) {

  /** The first page of every brand's and campaign's posts. */
  public PostQuery(PostState state, Platform platform, int limit) {
    this(state, platform, limit, null, null, null);
  }
}
