package io.chorus.pipeline.review;

import java.util.List;

/**
 * A text up for review, with the recent posts of its account it must not repeat.
 *
 * @param recentPosts the account's latest scheduled or published posts, newest first
 */
public record Candidate(String text, List<RecentPost> recentPosts) {

  public Candidate {
    text = text == null ? "" : text;
    recentPosts = List.copyOf(recentPosts);
  }

  /** A candidate with no recent posts to compare against. */
  public static Candidate of(String text) {
    return new Candidate(text, List.of());
  }
}
