package io.chorus.contracts.pipeline;

import java.util.List;

/** A post as it is now, and its history, oldest first. */
public record PostHistory(PostView post, List<PostEvent> events) {

  public PostHistory {
    events = List.copyOf(events);
  }
}
