package io.chorus.simulator.support;

import io.vertx.core.Handler;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * One platform's OAuth grants: access tokens that expire, refresh tokens that rotate and may be
 * used once, and revocation. Tokens it never issued are taken as long-lived tokens naming their
 * user (as the demo's are), until that user's authorization is revoked. Only touched from the
 * simulator's event loop.
 */
public final class Grants {

  /** Why a token is refused. */
  public enum Refusal { EXPIRED, REVOKED }

  private record Access(String user, long expiresAtMillis) {}

  private final long accessTtlMillis;
  private final Map<String, Access> access = new HashMap<>();
  /** Live refresh token to user. */
  private final Map<String, String> refresh = new HashMap<>();
  /** Refresh tokens already exchanged, with their user: using one again is refused. */
  private final Map<String, String> spent = new HashMap<>();
  private final Set<String> revoked = new HashSet<>();
  /** Issued access tokens whose grant was revoked: refused for good, even once the user is authorized again. */
  private final Set<String> dead = new HashSet<>();

  public Grants(long accessTtlSeconds) {
    this.accessTtlMillis = accessTtlSeconds * 1000;
  }

  /**
   * A route handler that resolves the request's token (read by {@code token}) to its user for
   * {@link Bearer#token}, or answers with {@code refuse} when the token expired or was revoked.
   */
  public Handler<RoutingContext> authenticator(Function<RoutingContext, String> token,
      BiConsumer<RoutingContext, Refusal> refuse) {
    return ctx -> {
      String presented = token.apply(ctx);
      if (presented == null) {
        ctx.next();
        return;
      }
      Access issued = access.get(presented);
      String user = issued == null ? presented : issued.user();
      if (dead.contains(presented) || revoked.contains(user)) {
        refuse.accept(ctx, Refusal.REVOKED);
      } else if (issued != null && System.currentTimeMillis() >= issued.expiresAtMillis()) {
        refuse.accept(ctx, Refusal.EXPIRED);
      } else {
        ctx.put(Bearer.USER, user);
        ctx.next();
      }
    };
  }

  /** Gives a user a new pair of tokens (as after the consent screen), ending any revocation. */
  public JsonObject authorize(String user) {
    revoked.remove(user);
    return issue(user);
  }

  /**
   * Exchanges a refresh token for a new pair; the old refresh token is spent. Null when the token
   * is unknown, spent already (which, as the OAuth security advice asks, also revokes the user's
   * grant, since a thief may hold it) or its user's grant was revoked.
   */
  public JsonObject refresh(String refreshToken) {
    String user = refreshToken == null ? null : refresh.remove(refreshToken);
    if (user == null) {
      String reused = refreshToken == null ? null : spent.get(refreshToken);
      if (reused != null) {
        revoke(reused);
      }
      return null;
    }
    spent.put(refreshToken, user);
    if (revoked.contains(user)) {
      return null;
    }
    return issue(user);
  }

  /** Revokes every token of the user, issued or long-lived, until it is authorized again. */
  public void revoke(String user) {
    revoked.add(user);
    access.entrySet().removeIf(entry -> {
      boolean users = entry.getValue().user().equals(user);
      if (users) {
        dead.add(entry.getKey());
      }
      return users;
    });
    refresh.values().removeIf(user::equals);
  }

  public long accessTtlSeconds() {
    return accessTtlMillis / 1000;
  }

  public void clear() {
    access.clear();
    refresh.clear();
    spent.clear();
    revoked.clear();
    dead.clear();
  }

  private JsonObject issue(String user) {
    String accessToken = "sim-at-" + UUID.randomUUID();
    String refreshToken = "sim-rt-" + UUID.randomUUID();
    access.put(accessToken, new Access(user, System.currentTimeMillis() + accessTtlMillis));
    refresh.put(refreshToken, user);
    return new JsonObject().put("access_token", accessToken).put("refresh_token", refreshToken)
        .put("expires_in", accessTtlSeconds());
  }
}
