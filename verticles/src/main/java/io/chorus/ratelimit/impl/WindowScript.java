package io.chorus.ratelimit.impl;

import io.chorus.ratelimit.Limit;
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
 * The sliding-window log that decides in Redis: one sorted set per limit holding the times of the
 * requests allowed within its last period, and one pause key per limit holding until when a
 * platform asked for quiet, all read and updated by one script in one round trip.
 */
final class WindowScript {

  /** Appended to a limit's key to name its pause. */
  static final String PAUSE_SUFFIX = ":pause";

  /*
   * KEYS: the n windows, then their n pauses. ARGV: this node's id, n, then per window its
   * requests (0 for a key whose pause alone counts), its period in ms and how many allowances this node made on its own while Redis was
   * unreachable, followed by each one's age in µs and local id, so that they count too, and only
   * once however many decisions carry them. A decision takes a unit from every window or from
   * none. Times are Redis's own clock in µs, passed to commands with %.0f because Lua would print
   * such large numbers in exponent form and lose precision. Returns {allowed, remaining, waitMs}.
   */
  static final String SOURCE = """
      local time = redis.call('TIME')
      local now = tonumber(time[1]) * 1000000 + tonumber(time[2])
      local node = ARGV[1]
      local n = tonumber(ARGV[2])
      local wait = 0
      local remaining = -1
      local used = {}
      local periods = {}
      local i = 3
      for k = 1, n do
        local key = KEYS[k]
        local requests = tonumber(ARGV[i])
        periods[k] = ARGV[i + 1]
        local period = tonumber(ARGV[i + 1]) * 1000
        local carried = tonumber(ARGV[i + 2])
        i = i + 3
        for c = 1, carried do
          redis.call('ZADD', key, string.format('%.0f', now - tonumber(ARGV[i])), node .. '-' .. ARGV[i + 1])
          i = i + 2
        end
        if requests > 0 then
          redis.call('ZREMRANGEBYSCORE', key, '-inf', string.format('%.0f', now - period))
          used[k] = redis.call('ZCARD', key)
          if used[k] >= requests then
            local freeing = redis.call('ZRANGE', key, used[k] - requests, used[k] - requests, 'WITHSCORES')
            wait = math.max(wait, math.ceil((tonumber(freeing[2]) + period - now) / 1000))
          elseif remaining < 0 or requests - used[k] - 1 < remaining then
            remaining = requests - used[k] - 1
          end
          redis.call('PEXPIRE', key, periods[k])
        end
        local paused = redis.call('GET', KEYS[n + k])
        if paused then
          wait = math.max(wait, tonumber(paused) - math.floor(now / 1000))
        end
      end
      if wait > 0 then
        return {0, 0, wait}
      end
      for k = 1, n do
        if used[k] then
          redis.call('ZADD', KEYS[k], string.format('%.0f', now), string.format('%.0f-%d', now, used[k]))
          redis.call('PEXPIRE', KEYS[k], periods[k])
        end
      end
      return {1, remaining, 0}
      """;

  static final String SHA1 = sha1(SOURCE);

  /*
   * KEYS[1]: a pause. ARGV[1]: until when, in epoch ms. Keeps the later of the stored pause and
   * this one, and lets Redis forget it once it is over. Returns the pause in force.
   */
  static final String PAUSE_SOURCE = """
      local current = redis.call('GET', KEYS[1])
      if current and tonumber(current) >= tonumber(ARGV[1]) then
        return tonumber(current)
      end
      local time = redis.call('TIME')
      local nowMs = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
      local ttl = tonumber(ARGV[1]) - nowMs
      if ttl > 0 then
        redis.call('SET', KEYS[1], ARGV[1], 'PX', ttl)
      end
      return tonumber(ARGV[1])
      """;

  static final String PAUSE_SHA1 = sha1(PAUSE_SOURCE);

  private WindowScript() {
  }

  /** EVALSHA of the cached decision script; the cheap path once Redis knows the script. */
  static Request evalsha(String prefix, List<Limit> limits, String nodeId, List<List<LocalAllowance>> unshared) {
    return withArgs(Request.cmd(Command.EVALSHA).arg(SHA1), prefix, limits, nodeId, unshared);
  }

  /** EVAL of the full decision script, which also caches it for later EVALSHAs. */
  static Request eval(String prefix, List<Limit> limits, String nodeId, List<List<LocalAllowance>> unshared) {
    return withArgs(Request.cmd(Command.EVAL).arg(SOURCE), prefix, limits, nodeId, unshared);
  }

  static Request pause(boolean cached, String pauseKey, long untilEpochMs) {
    Request request = cached
        ? Request.cmd(Command.EVALSHA).arg(PAUSE_SHA1)
        : Request.cmd(Command.EVAL).arg(PAUSE_SOURCE);
    return request.arg(1).arg(pauseKey).arg(untilEpochMs);
  }

  /** Whether Redis answered that it does not know the script (after a restart or SCRIPT FLUSH). */
  static boolean unknownScript(Throwable failure) {
    return failure.getMessage() != null && failure.getMessage().startsWith("NOSCRIPT");
  }

  static RateDecision decision(Response reply) {
    // Remaining is -1 when no limit was counted (pauses only): nothing limits the caller.
    int remaining = reply.get(1).toInteger();
    return new RateDecision(reply.get(0).toInteger() == 1, remaining < 0 ? Integer.MAX_VALUE : remaining,
        reply.get(2).toLong(), false);
  }

  private static Request withArgs(
      Request request, String prefix, List<Limit> limits, String nodeId, List<List<LocalAllowance>> unshared) {
    request.arg(2 * limits.size());
    limits.forEach(limit -> request.arg(prefix + limit.key()));
    limits.forEach(limit -> request.arg(prefix + limit.key() + PAUSE_SUFFIX));
    request.arg(nodeId).arg(limits.size());
    for (int k = 0; k < limits.size(); k++) {
      List<LocalAllowance> carried = unshared.get(k);
      Limit limit = limits.get(k);
      request.arg(limit.counted() ? limit.quota().requests() : 0)
          .arg(limit.counted() ? limit.quota().period().toMillis() : 0)
          .arg(carried.size());
      carried.forEach(allowance -> request.arg(allowance.ageMicros()).arg(allowance.id()));
    }
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
