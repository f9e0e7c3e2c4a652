package io.chorus.contracts.platform;

import java.util.List;

/**
 * Ask a platform agent to publish one post through its platform's API.
 *
 * @param accountId Chorus's id of the platform account
 * @param attempt 1 for the first try; platform agents use it to tell retries apart in logs
 * @param postType the shape of the post on the platform, or null for the one its media call for
 */
public record PublishRequest(
    String postId, String accountId, String text, List<String> mediaUrls, int attempt, PostType postType) {

  public PublishRequest {
    mediaUrls = List.copyOf(mediaUrls);
  }

  /** A request for a post of the type its media call for. */
  public PublishRequest(String postId, String accountId, String text, List<String> mediaUrls, int attempt) {
    this(postId, accountId, text, mediaUrls, attempt, null);
  }
}
