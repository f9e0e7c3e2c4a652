package io.chorus.web.session.impl;

import io.chorus.web.session.Session;
import io.chorus.web.session.SessionOptions;
import io.chorus.web.session.SessionStore;
import io.chorus.web.auth.Principal;
import io.chorus.web.auth.Role;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisOptions;
import io.vertx.redis.client.Request;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/** Sessions as JSON under {@code <prefix><id>} in Redis, expiring with {@code SET ... EX}. */
public final class RedisSessionStore implements SessionStore {
  private static final SecureRandom RANDOM = new SecureRandom();
  // 32 random bytes, URL-safe base64 without padding: anything else cannot be one of ours.
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{43}");

  private final Redis redis;
  private final SessionOptions options;

  public RedisSessionStore(Vertx vertx, SessionOptions options) {
    this.redis = Redis.createClient(vertx, new RedisOptions().setConnectionString(options.redisUri()));
    this.options = options;
  }

  @Override
  public Future<Session> create(Principal principal) {
    Session session = new Session(randomToken(), principal, randomToken(), Instant.now());
    return send(Request.cmd(Command.SET).arg(key(session.id())).arg(toJson(session).encode())
        .arg("EX").arg(options.ttlSeconds()))
        .map(ok -> session);
  }

  @Override
  public Future<Session> find(String id) {
    if (id == null || !ID.matcher(id).matches()) {
      return Future.succeededFuture(null);
    }
    return send(Request.cmd(Command.GET).arg(key(id)))
        .map(stored -> stored == null ? null : fromJson(id, new JsonObject(stored.toString())));
  }

  @Override
  public Future<Void> delete(String id) {
    if (id == null || !ID.matcher(id).matches()) {
      return Future.succeededFuture();
    }
    return send(Request.cmd(Command.DEL).arg(key(id))).mapEmpty();
  }

  @Override
  public Future<Void> close() {
    redis.close();
    return Future.succeededFuture();
  }

  private Future<io.vertx.redis.client.Response> send(Request request) {
    return redis.send(request).timeout(options.redisTimeoutMs(), TimeUnit.MILLISECONDS);
  }

  private String key(String id) {
    return options.keyPrefix() + id;
  }

  private static JsonObject toJson(Session session) {
    return new JsonObject().put("actor", session.principal().actor()).put("role", session.principal().role().id())
        .put("brandId", session.principal().brandId()).put("csrf", session.csrfToken())
        .put("createdAt", session.createdAt().toString());
  }

  private static Session fromJson(String id, JsonObject json) {
    Role role = Role.fromId(json.getString("role"));
    // Sessions stored before roles existed, or with a role since removed, must sign in again.
    if (role == null) {
      return null;
    }
    return new Session(id, new Principal(json.getString("actor"), role, json.getString("brandId")),
        json.getString("csrf"), Instant.parse(json.getString("createdAt")));
  }

  private static String randomToken() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
