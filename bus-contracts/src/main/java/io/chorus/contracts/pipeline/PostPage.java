package io.chorus.contracts.pipeline;

import java.util.List;

/**
 * One page of posts answering a {@link PostQuery}.
 *
 * @param next where the next page starts, or null when this page is the last
 */
public record PostPage(List<PostView> items, PostCursor next) {

  public PostPage {
    items = List.copyOf(items);
  }

  /** A page with nothing after it. */
  public PostPage(List<PostView> items) {
    this(items, null);
  }
}
