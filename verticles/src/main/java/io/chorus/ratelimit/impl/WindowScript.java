package io.chorus.ratelimit.impl;

import io.chorus.ratelimit.Quota;
import io.chorus.ratelimit.RateDecision;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The sliding-window log that decides in Redis: one sorted set per key holding the times of the
 * requests allowed within the last period, read and updated by one script in one round trip.
 */
final class WindowScript {

  /*
   * KEYS[1]: the window. ARGV: requests, period in ms, this node's id, then for each request this
   * node allowed on its own while Redis was unreachable its age in µs and its local id, so that it
   * counts too, and only once however many decisions carry it. Times are Redis's own clock in µs,
   * passed to commands with %.0f because Lua would print such large numbers in exponent form and
   * lose precision. Returns {allowed, remaining, retryAfterMs}.
   */
  static final String SOURCE = """
      local key = KEYS[1]
      local requests = tonumber(ARGV[1])
      local period = tonumber(ARGV[2]) * 1000
      local time = redis.call('TIME')
      local now = tonumber(time[1]) * 1000000 + tonumber(time[2])
      for i = 4, #ARGV, 2 do
        redis.call('ZADD', key, string.format('%.0f', now - tonumber(ARGV[i])), ARGV[3] .. '-' .. ARGV[i + 1])
      end
      redis.call('ZREMRANGEBYSCORE', key, '-inf', string.format('%.0f', now - period))
      local used = redis.call('ZCARD', key)
      if used >= requests then
        local freeing = redis.call('ZRANGE', key, used - requests, used - requests, 'WITHSCORES')
        redis.call('PEXPIRE', key, ARGV[2])
        return {0, 0, math.ceil((tonumber(freeing[2]) + period - now) / 1000)}
      end
      redis.call('ZADD', key, string.format('%.0f', now), string.format('%.0f-%d', now, used))
      redis.call('PEXPIRE', key, ARGV[2])
      return {1, requests - used - 1, 0}
      """;

  static final String SHA1 = sha1(SOURCE);

  private WindowScript() {
  }

  /** EVALSHA of the cached script; the cheap path once Redis knows the script. */
  static Request evalsha(String key, Quota quota, String nodeId, List<LocalAllowance> unshared) {
    return withArgs(Request.cmd(Command.EVALSHA).arg(SHA1), key, quota, nodeId, unshared);
  }

  /** EVAL of the full source, which also caches the script for later EVALSHAs. */
  static Request eval(String key, Quota quota, String nodeId, List<LocalAllowance> unshared) {
    return withArgs(Request.cmd(Command.EVAL).arg(SOURCE), key, quota, nodeId, unshared);
  }

  /** Whether Redis answered that it does not know the script (after a restart or SCRIPT FLUSH). */
  static boolean unknownScript(Throwable failure) {
    return failure.getMessage() != null && failure.getMessage().startsWith("NOSCRIPT");
  }

  static RateDecision decision(Response reply) {
    return new RateDecision(reply.get(0).toInteger() == 1, reply.get(1).toInteger(), reply.get(2).toLong(), false);
  }

  private static Request withArgs(Request request, String key, Quota quota, String nodeId, List<LocalAllowance> unshared) {
    request.arg(1).arg(key).arg(quota.requests()).arg(quota.period().toMillis()).arg(nodeId);
    unshared.forEach(allowance -> request.arg(allowance.ageMicros()).arg(allowance.id()));
    return request;
  }

  /** A request allowed by this node alone: how long ago, and an id unique on this node. */
  record LocalAllowance(long ageMicros, long id) {
  }

  private static String sha1(String source) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-1").digest(source.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      // Every Java platform is required to provide SHA-1.
      throw new IllegalStateException(e);
    }
  }
}
