package io.chorus.contracts.webhooks;

import java.util.Arrays;
import java.util.Optional;

/** The events partners can subscribe to with an outbound webhook, named as they appear in payloads. */
public enum WebhookEventType {
  /** A post reached PUBLISHED on its platform. */
  POST_PUBLISHED("post.published"),
  /** A post reached FAILED: the platform refused it for good or it ran out of attempts. */
  POST_FAILED("post.failed"),
  /** Any change of a post's state, PUBLISHED and FAILED included. */
  POST_STATE_CHANGED("post.state_changed"),
  /** A report finished and can be fetched. */
  REPORT_READY("report.ready"),
  /** New metrics were collected for a post. */
  METRICS_UPDATED("metrics.updated");

  private final String id;

  WebhookEventType(String id) {
    this.id = id;
  }

  /** The name partners see, such as {@code post.published}. */
  public String id() {
    return id;
  }

  /** The event type with this name, if there is one. */
  public static Optional<WebhookEventType> find(String id) {
    return Arrays.stream(values()).filter(type -> type.id.equals(id)).findFirst();
  }
}
