package io.chorus.contracts.pipeline;

import java.util.List;

/** The variants of one post, by variant number; empty for posts written before variants were kept. */
public record PostVariants(String postId, List<PostVariant> items) {

  public PostVariants {
    items = List.copyOf(items);
  }
}
