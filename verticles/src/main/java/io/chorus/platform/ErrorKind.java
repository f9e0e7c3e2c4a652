package io.chorus.platform;

/** What a platform's error answer means for the post: wait for quota, try again later, or give up. */
public enum ErrorKind {
  /** A quota or throttle: retry once it has room (RATE_LIMITED). */
  THROTTLED,
  /** A fault on the platform's side that may pass: retry with backoff (PLATFORM_UNAVAILABLE). */
  TRANSIENT,
  /** The request itself is refused (validation, permission, duplicate, revoked token): fail with the platform's message (PLATFORM_REJECTED). */
  PERMANENT
}
