package io.chorus.contracts.platform;

import java.util.List;

/**
 * Ask a platform agent to publish one post through its platform's API.
 *
 * @param accountId Chorus's id of the platform account
 * @param attempt 1 for the first try; platform agents use it to tell retries apart in logs
 * @param postType the shape of the post on the platform, or null for the one its media call for
 * @param inReplyToExternalId the platform's id of the comment or post this post answers, so it
 *     goes out as a reply there; null for an ordinary post
 */
public record PublishRequest(
    String postId, String accountId, String text, List<String> mediaUrls, int attempt, PostType postType,
    String inReplyToExternalId) {

  public PublishRequest {
    mediaUrls = List.copyOf(mediaUrls);
  }

  /** A post of the given type, answering nothing. */
  public PublishRequest(String postId, String accountId, String text, List<String> mediaUrls, int attempt,
      PostType postType) {
    this(postId, accountId, text, mediaUrls, attempt, postType, null);
  }

  /** An ordinary post of the type its media call for, answering nothing. */
  public PublishRequest(String postId, String accountId, String text, List<String> mediaUrls, int attempt) {
    this(postId, accountId, text, mediaUrls, attempt, null, null);
  }
}
