package io.chorus.contracts.tenants;

/**
 * A request to the API token service. Fields an action does not use are null.
 *
 * @param tokenId REVOKE: the token to revoke; CHECK: the token to look at
 * @param secret AUTHENTICATE: the token as the caller presented it
 * @param name ISSUE: what the token is for, as people will recognise it in a list
 * @param role ISSUE: admin, editor, reviewer, viewer or partner
 * @param brandId ISSUE: the only brand the token may act for, or null for every brand; LIST and
 *     REVOKE: the brand the caller is bound to, or null for a caller who sees every brand
 * @param actor who asks, as the audit log names them
 */
public record TokenRequest(
    TokenAction action, String tokenId, String secret, String name, String role, String brandId, String actor) {

  public static TokenRequest authenticate(String secret) {
    return new TokenRequest(TokenAction.AUTHENTICATE, null, secret, null, null, null, null);
  }

  public static TokenRequest check(String tokenId) {
    return new TokenRequest(TokenAction.CHECK, tokenId, null, null, null, null, null);
  }
}
