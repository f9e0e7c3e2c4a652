package io.chorus.contracts.platform;

import java.util.List;

/** Ask a platform agent to fit a post's text to its platform's rules. */
public record OptimizeRequest(String postId, String text, List<String> hashtags) {

  public OptimizeRequest {
    hashtags = List.copyOf(hashtags);
  }
}
