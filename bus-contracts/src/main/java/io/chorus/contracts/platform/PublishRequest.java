package io.chorus.contracts.platform;

import java.util.List;

/**
 * Ask a platform agent to publish one post through its platform's API.
 *
 * @param accountId Chorus's id of the platform account
 * @param attempt 1 for the first try; platform agents use it to tell retries apart in logs
 */
public record PublishRequest(
    String postId, String accountId, String text, List<String> mediaUrls, int attempt) {

  public PublishRequest {
    mediaUrls = List.copyOf(mediaUrls);
  }
}
