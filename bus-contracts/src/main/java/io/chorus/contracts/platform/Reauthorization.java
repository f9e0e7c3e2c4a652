package io.chorus.contracts.platform;

/**
 * A new authorization for an account, obtained by a person through the platform's consent
 * screen, sent to the account's platform agent on {@code chorus.platform.<p>.reauthorize}.
 *
 * @param refreshToken the new refresh token, or null where the platform gives none (Meta)
 * @param expiresInSeconds how long the access token lives, or 0 when unknown or never expiring
 */
public record Reauthorization(String accountId, String accessToken, String refreshToken, long expiresInSeconds) {

  /** Without the tokens, which must never reach a log. */
  @Override
  public String toString() {
    return "Reauthorization[" + accountId + "]";
  }
}
