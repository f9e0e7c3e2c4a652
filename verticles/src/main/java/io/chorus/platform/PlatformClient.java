package io.chorus.platform;

import io.chorus.contracts.platform.PublishRequest;
import io.vertx.core.Future;

/** Publishes posts through one platform's API; failures carry a {@link io.chorus.contracts.ChorusError}. */
public interface PlatformClient {

  /** Publishes the request's text and media as the account; the future holds the platform's id of the new post. */
  Future<String> publish(PlatformAccount account, PublishRequest request);
}
