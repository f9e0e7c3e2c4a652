package io.chorus.contracts.tenants;

import java.time.Instant;

/**
 * The platform tokens a person gives Chorus for an account. Write-only: stored sealed, never
 * answered, never logged.
 *
 * @param refreshToken renews the access token through the platform's OAuth settings; may be null
 * @param expiresAt when the access token expires, or null when unknown or never
 */
public record AccountCredentials(String accessToken, String refreshToken, Instant expiresAt) {

  /** Without the tokens, which must never reach a log. */
  @Override
  public String toString() {
    return "AccountCredentials[expiresAt=" + expiresAt + ", refreshToken=" + (refreshToken != null) + "]";
  }
}
