package io.chorus.platform.auth;

import io.chorus.contracts.platform.AccountStatus;
import java.time.Instant;

/**
 * An account's tokens and status as this node last knew them.
 *
 * @param accessExpiresAt when the access token expires, or null when unknown or never
 * @param version the row's version in {@code account_tokens}
 * @param checkedAtMs when this node last read or wrote the row
 */
record Credentials(
    String accessToken, String refreshToken, Instant accessExpiresAt, String status, long version, long checkedAtMs) {

  boolean active() {
    return AccountStatus.ACTIVE.equals(status);
  }

  boolean renewable() {
    return refreshToken != null && !refreshToken.isBlank();
  }

  Credentials renewed(TokenGrant grant, long nowMs) {
    String refresh = grant.refreshToken() == null ? refreshToken : grant.refreshToken();
    return new Credentials(grant.accessToken(), refresh, grant.expiresAt(), AccountStatus.ACTIVE, version + 1, nowMs);
  }

  Credentials withStatus(String newStatus, long nowMs) {
    return new Credentials(accessToken, refreshToken, accessExpiresAt, newStatus, version + 1, nowMs);
  }

  @Override
  public String toString() {
    return "Credentials[" + status + ", expires " + accessExpiresAt + ", version " + version + "]";
  }
}
