package io.chorus.contracts.platform;

import io.chorus.contracts.Platform;
import java.time.Instant;

/**
 * Whether an account may publish: {@code ACTIVE}, or {@code NEEDS_REAUTHORIZATION} after its
 * authorization was revoked.
 *
 * @param accessExpiresAt when the current access token expires, or null when unknown
 */
public record AccountStatus(String accountId, Platform platform, String status, Instant accessExpiresAt) {

  public static final String ACTIVE = "ACTIVE";
  public static final String NEEDS_REAUTHORIZATION = "NEEDS_REAUTHORIZATION";
}
