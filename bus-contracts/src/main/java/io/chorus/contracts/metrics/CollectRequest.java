package io.chorus.contracts.metrics;

import java.time.Instant;
import java.util.List;

/**
 * Ask a platform agent for the current insights of some of its published posts.
 *
 * @param posts the posts to read, any number; the agent batches them as its platform allows
 */
public record CollectRequest(List<Target> posts) {

  public CollectRequest {
    posts = List.copyOf(posts);
  }

  /**
   * One published post to read.
   *
   * @param externalId the platform's id of the post
   * @param knownComments the comment count last collected, so the agent looks for new comments
   *     only when the platform reports more
   */
  public record Target(String postId, String accountId, String externalId, Instant publishedAt, long knownComments) {}
}
