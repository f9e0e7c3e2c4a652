package io.chorus.pipeline.review;

import java.util.Set;

/**
 * A post an account already scheduled or published, as near-duplicate detection compares it.
 *
 * @param shingles the text's shingles (see {@link Similarity}), worked out once per post read,
 *     not once per comparison
 */
public record RecentPost(String postId, String text, Set<String> shingles) {

  public RecentPost {
    shingles = Set.copyOf(shingles);
  }

  public RecentPost(String postId, String text) {
    this(postId, text, Similarity.shingles(text));
  }
}
