package io.chorus.platform;

import io.chorus.contracts.platform.PublishRequest;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.List;

/**
 * Publishes posts through one platform's API and reads the account's recent posts back; failures
 * carry a {@link io.chorus.contracts.ChorusError}.
 */
public interface PlatformClient {

  /** Publishes the request's text and media as the account; the future holds the platform's id of the new post. */
  Future<String> publish(PlatformAccount account, PublishRequest request);

  /**
   * What the platform shows of a post with this text, to recognise it among the account's posts:
   * the text itself, unless the platform splits it (the first post of an X thread).
   */
  default String recognisableText(String text) {
    return text;
  }

  /** The account's posts created at or after {@code since}, newest first, as far back as a few pages reach. */
  Future<List<RecentPost>> recentPosts(PlatformAccount account, Instant since);
}
