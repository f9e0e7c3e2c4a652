package io.chorus.contracts.tenants;

/** What a {@link TokenRequest} asks the API token service to do. */
public enum TokenAction {
  /** Issue a new token: reply {@link ApiToken} with its secret, the only time it is ever sent. */
  ISSUE,
  /** List tokens, never their secrets: reply {@link ApiTokenPage}. */
  LIST,
  /** Revoke a token so it authenticates no more: reply {@link ApiToken}. */
  REVOKE,
  /** Who a presented secret belongs to: reply {@link ApiToken}, or fail NOT_FOUND when it is no live token. */
  AUTHENTICATE,
  /** The token of this id as it is now: reply {@link ApiToken}, or fail NOT_FOUND when it is no longer live. */
  CHECK
}
