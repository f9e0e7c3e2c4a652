package io.chorus.platform.auth;

import java.time.Instant;

/**
 * What a token endpoint granted.
 *
 * @param refreshToken the rotated refresh token, or null when the old one stays valid
 * @param expiresAt when the access token expires, or null when the platform did not say
 */
public record TokenGrant(String accessToken, String refreshToken, Instant expiresAt) {

  @Override
  public String toString() {
    return "TokenGrant[expires " + expiresAt + "]";
  }
}
