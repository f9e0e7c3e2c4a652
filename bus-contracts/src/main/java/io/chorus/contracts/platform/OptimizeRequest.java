package io.chorus.contracts.platform;

import java.util.List;

/**
 * Ask a platform agent to fit a post's text to its platform's rules.
 *
 * @param postType the shape the post will take (an X thread is split, not cut), or null for the
 *     one its media call for
 * @param disclosure text the brand requires in every post (such as "#ad"), which fitting must
 *     keep; when it cannot, the request fails rather than drop it. Null when there is none.
 */
public record OptimizeRequest(String postId, String text, List<String> hashtags, PostType postType, String disclosure) {

  public OptimizeRequest {
    hashtags = List.copyOf(hashtags);
  }

  /** A request for a post of the type its media call for, by a brand that requires no disclosure. */
  public OptimizeRequest(String postId, String text, List<String> hashtags) {
    this(postId, text, hashtags, null, null);
  }
}
