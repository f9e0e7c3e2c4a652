package io.chorus.platform.auth;

import io.vertx.core.json.JsonObject;

/**
 * Where and as which client a platform's OAuth 2.0 tokens are renewed: {@code platforms.<p>.oauth}.
 *
 * @param tokenUrl the token endpoint, e.g. {@code https://api.x.com/2/oauth2/token}
 * @param clientSecret the client secret, already resolved from its reference; null for a public client
 */
public record OAuthSettings(String tokenUrl, String clientId, String clientSecret) {

  /** The platform's OAuth settings, or null when it has none configured (no automatic renewal). */
  public static OAuthSettings fromPlatform(JsonObject platformSection) {
    JsonObject oauth = platformSection == null ? null : platformSection.getJsonObject("oauth");
    if (oauth == null) {
      return null;
    }
    return new OAuthSettings(oauth.getString("tokenUrl"), oauth.getString("clientId"), oauth.getString("clientSecret"));
  }

  /** Without the secret, which must never reach a log. */
  @Override
  public String toString() {
    return "OAuthSettings[" + tokenUrl + " as " + clientId + "]";
  }
}
