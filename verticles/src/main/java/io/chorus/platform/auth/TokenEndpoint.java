package io.chorus.platform.auth;

import io.chorus.contracts.ChorusError;
import io.chorus.contracts.ErrorCode;
import io.chorus.contracts.Platform;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.time.Instant;
import java.util.Set;

/**
 * Renews an access token with the OAuth 2.0 refresh grant, as each platform spells it: X
 * ({@code POST /2/oauth2/token}, client id in the form, Basic auth for confidential clients),
 * LinkedIn ({@code POST /oauth/v2/accessToken}, client id and secret in the form) and TikTok
 * ({@code POST /v2/oauth/token/}, {@code client_key} and {@code client_secret}).
 */
final class TokenEndpoint {
  /**
   * What a token endpoint answers for a refresh token it will never accept again (used, revoked,
   * expired); X answers invalid_request for those.
   */
  private static final Set<String> REFUSED_GRANT = Set.of("invalid_grant", "invalid_request");

  private final Platform platform;
  private final WebClient web;
  private final OAuthSettings oauth;
  private final long timeoutMs;

  TokenEndpoint(Platform platform, WebClient web, OAuthSettings oauth, long timeoutMs) {
    this.platform = platform;
    this.web = web;
    this.oauth = oauth;
    this.timeoutMs = timeoutMs;
  }

  /**
   * The new grant; fails with {@link GrantRefusedException} when the platform will not renew with
   * this refresh token, else with a retryable PLATFORM_UNAVAILABLE.
   */
  Future<TokenGrant> refresh(String refreshToken) {
    MultiMap form = MultiMap.caseInsensitiveMultiMap()
        .add("grant_type", "refresh_token")
        .add("refresh_token", refreshToken);
    HttpRequest<Buffer> request = web.postAbs(oauth.tokenUrl()).timeout(timeoutMs);
    switch (platform) {
      case TIKTOK -> form.add("client_key", oauth.clientId()).add("client_secret", secret());
      case LINKEDIN -> form.add("client_id", oauth.clientId()).add("client_secret", secret());
      default -> {
        form.add("client_id", oauth.clientId());
        if (oauth.clientSecret() != null) {
          request.basicAuthentication(oauth.clientId(), oauth.clientSecret());
        }
      }
    }
    long sentAtMs = System.currentTimeMillis();
    return request.sendForm(form)
        .recover(failure -> Future.failedFuture(ChorusError.of(ErrorCode.PLATFORM_UNAVAILABLE,
            platform.id() + " token endpoint unreachable: " + failure.getMessage()).exception()))
        .compose(response -> grant(response, sentAtMs));
  }

  private Future<TokenGrant> grant(HttpResponse<Buffer> response, long sentAtMs) {
    JsonObject body = json(response);
    String error = body.getString("error");
    String access = body.getString("access_token");
    if (response.statusCode() / 100 == 2 && error == null && access != null) {
      Long expiresIn = body.getLong("expires_in");
      // Counted from when the request left, so the token is never thought to live longer than it does.
      Instant expiresAt = expiresIn == null ? null : Instant.ofEpochMilli(sentAtMs).plusSeconds(expiresIn);
      return Future.succeededFuture(new TokenGrant(access, body.getString("refresh_token"), expiresAt));
    }
    String why = platform.id() + " token endpoint answered " + response.statusCode() + ": "
        + (error == null ? response.statusMessage() : error + " " + body.getString("error_description", ""));
    if (error != null && REFUSED_GRANT.contains(error) && response.statusCode() < 500) {
      return Future.failedFuture(new GrantRefusedException(why.strip()));
    }
    return Future.failedFuture(ChorusError.retryAfter(ErrorCode.PLATFORM_UNAVAILABLE, why.strip(), 0).exception());
  }

  private String secret() {
    return oauth.clientSecret() == null ? "" : oauth.clientSecret();
  }

  private static JsonObject json(HttpResponse<Buffer> response) {
    try {
      Buffer body = response.body();
      return body == null || body.length() == 0 ? new JsonObject() : body.toJsonObject();
    } catch (DecodeException | ClassCastException notJson) {
      return new JsonObject();
    }
  }

  /** The platform will not renew with this refresh token: it was used already, revoked or expired. */
  static final class GrantRefusedException extends RuntimeException {
    GrantRefusedException(String message) {
      super(message, null, false, false);
    }
  }
}
