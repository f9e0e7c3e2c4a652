package io.chorus.ratelimit.impl;

import io.chorus.contracts.ChorusError;
import io.chorus.contracts.ErrorCode;
import io.chorus.ratelimit.Limit;
import io.chorus.ratelimit.RateDecision;
import io.chorus.ratelimit.RateLimiter;
import io.chorus.ratelimit.RateLimiterOptions;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisConnection;
import io.vertx.redis.client.RedisOptions;
import io.vertx.redis.client.Response;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides in Redis with one script per decision and, when Redis fails or is slow, in this node's
 * {@link LocalWindows} until {@code retryAfterFailureMs} has passed and one probe reaches Redis again.
 * All fields are confined to the context the limiter was created on.
 */
public final class RedisRateLimiter implements RateLimiter {

  private static final Logger log = LoggerFactory.getLogger(RedisRateLimiter.class);

  private final Vertx vertx;
  private final Context context;
  private final RateLimiterOptions options;
  private final LocalWindows local;
  /** Per limit key, until when (epoch ms) a platform asked for quiet, as far as this node knows. */
  private final Map<String, Long> pausedUntil = new HashMap<>();
  /** Tells this node's merged allowances apart from other nodes' in Redis. */
  private final String nodeId = UUID.randomUUID().toString();

  private Redis client;
  private Future<RedisConnection> connection;
  /** Volatile because the health check may read it from another thread. */
  private volatile boolean degraded;
  private boolean probing;
  private long retryRedisAtNanos;
  private boolean closed;

  public RedisRateLimiter(Vertx vertx, RateLimiterOptions options) {
    Objects.requireNonNull(options.getRedisUri(), "redisUri is required");
    this.vertx = vertx;
    this.context = vertx.getOrCreateContext();
    this.options = new RateLimiterOptions(options);
    this.local = new LocalWindows(options.getLocalFallbackFraction());
  }

  @Override
  public Future<RateDecision> acquire(List<Limit> limits) {
    if (Vertx.currentContext() != context) {
      Promise<RateDecision> promise = Promise.promise();
      context.runOnContext(v -> acquire(limits).onComplete(promise));
      return promise.future();
    }
    if (closed) {
      return Future.failedFuture(ChorusError.of(ErrorCode.INTERNAL, "the rate limiter is closed").exception());
    }
    long pausedMs = pausedMs(limits, System.currentTimeMillis());
    if (pausedMs > 0) {
      // A pause this node knows of needs no round trip: Redis could only make it longer.
      return Future.succeededFuture(new RateDecision(false, 0, pausedMs, degraded));
    }
    if (!degraded) {
      return viaRedis(limits);
    }
    if (probing || System.nanoTime() - retryRedisAtNanos < 0) {
      return Future.succeededFuture(local.acquire(limits, System.nanoTime()));
    }
    // Only one request finds out whether Redis is back, so a Redis that still hangs delays only it.
    probing = true;
    return viaRedis(limits).andThen(done -> probing = false);
  }

  @Override
  public Future<Void> pause(String key, Instant until) {
    if (Vertx.currentContext() != context) {
      Promise<Void> promise = Promise.promise();
      context.runOnContext(v -> pause(key, until).onComplete(promise));
      return promise.future();
    }
    long untilMs = until.toEpochMilli();
    pausedUntil.merge(key, untilMs, Math::max);
    if (closed || degraded) {
      // Known here already; other nodes learn it from the platform themselves.
      return Future.succeededFuture();
    }
    String pauseKey = options.getKeyPrefix() + key + WindowScript.PAUSE_SUFFIX;
    Future<RedisConnection> current = connection();
    return current
        .compose(conn -> conn.send(WindowScript.pause(true, pauseKey, untilMs))
            .recover(failure -> WindowScript.unknownScript(failure)
                ? conn.send(WindowScript.pause(false, pauseKey, untilMs))
                : Future.failedFuture(failure))
            .timeout(options.getCommandTimeoutMs(), TimeUnit.MILLISECONDS))
        // Redis answers the pause in force, which another node may have made longer.
        .<Void>map(inForce -> {
          pausedUntil.merge(key, inForce.toLong(), Math::max);
          return null;
        })
        .recover(failure -> {
          redisFailed(current, failure);
          return Future.succeededFuture();
        });
  }

  /** How long the longest pause among the limits still lasts, forgetting pauses that are over. */
  private long pausedMs(List<Limit> limits, long nowMs) {
    long longest = 0;
    for (Limit limit : limits) {
      Long until = pausedUntil.get(limit.key());
      if (until != null) {
        if (until <= nowMs) {
          pausedUntil.remove(limit.key());
        } else {
          longest = Math.max(longest, until - nowMs);
        }
      }
    }
    return longest;
  }

  @Override
  public boolean degraded() {
    return degraded;
  }

  @Override
  public Future<Void> close() {
    Promise<Void> promise = Promise.promise();
    context.runOnContext(v -> {
      closed = true;
      Redis closing = client;
      client = null;
      connection = null;
      (closing == null ? Future.<Void>succeededFuture() : closing.close()).onComplete(promise);
    });
    return promise.future();
  }

  private Future<RateDecision> viaRedis(List<Limit> limits) {
    long nowNanos = System.nanoTime();
    List<List<Long>> unshared = limits.stream().map(limit -> local.unshared(limit, nowNanos)).toList();
    // A local allowance's time on this node's clock is unique on it, so it doubles as its id.
    List<List<WindowScript.LocalAllowance>> allowances = unshared.stream()
        .map(times -> times.stream()
            .map(at -> new WindowScript.LocalAllowance((nowNanos - at) / 1000, at))
            .toList())
        .toList();
    Future<RedisConnection> current = connection();
    return current
        .compose(conn -> runScript(conn, limits, allowances))
        .map(WindowScript::decision)
        .transform(decided -> {
          if (decided.succeeded()) {
            for (int k = 0; k < limits.size(); k++) {
              List<Long> carried = unshared.get(k);
              if (!carried.isEmpty()) {
                local.shared(limits.get(k).key(), carried.get(carried.size() - 1));
              }
            }
            // A late answer on a connection already given up says nothing about Redis now.
            if (current == connection) {
              redisAnswered();
            }
            return Future.succeededFuture(decided.result());
          }
          redisFailed(current, decided.cause());
          return Future.succeededFuture(local.acquire(limits, System.nanoTime()));
        });
  }

  private Future<Response> runScript(
      RedisConnection conn, List<Limit> limits, List<List<WindowScript.LocalAllowance>> allowances) {
    String prefix = options.getKeyPrefix();
    return conn.send(WindowScript.evalsha(prefix, limits, nodeId, allowances))
        .recover(failure -> WindowScript.unknownScript(failure)
            ? conn.send(WindowScript.eval(prefix, limits, nodeId, allowances))
            : Future.failedFuture(failure))
        .timeout(options.getCommandTimeoutMs(), TimeUnit.MILLISECONDS);
  }

  /** The one connection decisions are pipelined on, opened on first use and after a failure. */
  private Future<RedisConnection> connection() {
    if (connection == null) {
      RedisOptions redisOptions = new RedisOptions().setConnectionString(options.getRedisUri());
      redisOptions.getNetClientOptions().setConnectTimeout((int) options.getConnectTimeoutMs());
      client = Redis.createClient(vertx, redisOptions);
      // The handshake after TCP can hang too, so the whole connect is bounded.
      connection = client.connect().timeout(options.getConnectTimeoutMs(), TimeUnit.MILLISECONDS);
    }
    return connection;
  }

  private void redisAnswered() {
    if (degraded) {
      degraded = false;
      log.info("Redis answers again: rate limits are decided in Redis");
    }
  }

  private void redisFailed(Future<RedisConnection> failed, Throwable cause) {
    if (failed != connection) {
      // A late failure on a connection already given up: its first failure set the state.
      return;
    }
    retryRedisAtNanos = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(options.getRetryAfterFailureMs());
    if (!degraded) {
      degraded = true;
      log.warn("Redis failed ({}): rate limits are decided on this node at {} of each quota, Redis is tried again in {} ms",
          cause.toString(), options.getLocalFallbackFraction(), options.getRetryAfterFailureMs());
    }
    // Replies still owed on a timed-out connection must never be matched to later requests,
    // so the client goes and the next attempt starts afresh.
    Redis broken = client;
    client = null;
    connection = null;
    broken.close();
  }
}
