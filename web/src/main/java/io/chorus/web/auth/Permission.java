package io.chorus.web.auth;

/** The kinds of action an API route performs; a {@link Role} grants some of them. */
public enum Permission {
  /** Reading posts, metrics, reports, usage, the catalog and the live stream. */
  READ,
  /** Creating posts and sending them back or out of the queue (requeue, cancel). */
  POSTS_WRITE,
  /** Approving and rejecting posts that wait for a person. */
  POSTS_REVIEW,
  /** Changing brands, accounts (their credentials included) and campaigns. */
  CATALOG_WRITE,
  /** Managing partner webhook subscriptions and replaying their deliveries. */
  WEBHOOKS_MANAGE,
  /** Issuing and revoking API tokens. */
  TOKENS_MANAGE
}
