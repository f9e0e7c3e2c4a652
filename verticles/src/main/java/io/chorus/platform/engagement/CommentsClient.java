package io.chorus.platform.engagement;

import io.chorus.contracts.platform.PlatformEvent;
import io.chorus.contracts.platform.PublishRequest;
import io.chorus.platform.PlatformAccount;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Finds the comments others made on an account's posts, and publishes the account's replies. */
public interface CommentsClient {

  /** Whether the platform's public API lets Chorus read comments and reply to them. */
  default boolean supported() {
    return true;
  }

  /**
   * Comments and mentions from others on these posts (the platform's post id to its publication
   * time), as events for the agent, each with a stable event id.
   */
  Future<List<PlatformEvent>> comments(PlatformAccount account, Map<String, Instant> posts);

  /** Publishes the request's text as the account's reply to {@code request.inReplyToExternalId()}; yields the reply's id. */
  Future<String> reply(PlatformAccount account, PublishRequest request);

  /** The event id of a comment found by polling, the same whichever node finds it. */
  static String eventId(PlatformAccount account, String commentId) {
    return account.platform().id() + ":comment:" + commentId;
  }
}
