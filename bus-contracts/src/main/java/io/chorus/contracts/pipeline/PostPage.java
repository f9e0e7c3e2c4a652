package io.chorus.contracts.pipeline;

import java.util.List;

/** One page of posts answering a {@link PostQuery}. */
public record PostPage(List<PostView> items) {

  public PostPage {
    items = List.copyOf(items);
  }
}
