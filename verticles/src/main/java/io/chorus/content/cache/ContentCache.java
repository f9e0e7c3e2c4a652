package io.chorus.content.cache;

import io.chorus.contracts.content.GenerateRequest;
import io.chorus.contracts.content.GeneratedContent;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisAPI;
import io.vertx.redis.client.RedisOptions;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Generated texts in Redis for {@code ttlSeconds}, keyed by a hash of what decides the text (the
 * brand, platform, campaign inputs, seed and angle; not the post id), so an identical request is
 * answered again without asking, or paying, a provider. Redis trouble is a miss, never a failure.
 */
public final class ContentCache {
  private static final Logger LOG = LoggerFactory.getLogger(ContentCache.class);

  private final Redis client;
  private final RedisAPI redis;
  private final String keyPrefix;
  private final long ttlSeconds;
  private final long commandTimeoutMs;

  private ContentCache(Redis client, String keyPrefix, long ttlSeconds, long commandTimeoutMs) {
    this.client = client;
    this.redis = RedisAPI.api(client);
    this.keyPrefix = keyPrefix;
    this.ttlSeconds = ttlSeconds;
    this.commandTimeoutMs = commandTimeoutMs;
  }

  public static ContentCache create(Vertx vertx, String redisUri, String keyPrefix, long ttlSeconds,
      long commandTimeoutMs) {
    return new ContentCache(Redis.createClient(vertx, new RedisOptions().setConnectionString(redisUri)), keyPrefix,
        ttlSeconds, commandTimeoutMs);
  }

  /** The cached text of an identical request, or null. */
  public Future<GeneratedContent> get(GenerateRequest request) {
    return redis.get(key(request))
        .timeout(commandTimeoutMs, TimeUnit.MILLISECONDS)
        .map(value -> value == null ? null : fromJson(new JsonObject(value.toString())))
        .otherwise(failure -> {
          LOG.warn("Content cache unavailable, generating anew: {}", failure.toString());
          return null;
        });
  }

  public Future<Void> put(GenerateRequest request, GeneratedContent content) {
    return redis.setex(key(request), Long.toString(ttlSeconds), toJson(content).encode())
        .timeout(commandTimeoutMs, TimeUnit.MILLISECONDS)
        .<Void>mapEmpty()
        .otherwise(failure -> {
          LOG.warn("Content cache unavailable, text not kept: {}", failure.toString());
          return null;
        });
  }

  String key(GenerateRequest request) {
    JsonArray identity = new JsonArray()
        .add(request.brandId()).add(request.campaignId()).add(request.platform().id()).add(request.brief())
        .add(request.voice()).add(new JsonArray(request.keyMessages())).add(new JsonArray(request.hashtags()))
        .add(new JsonArray(request.trends())).add(request.callToAction()).add(request.seed()).add(request.angle())
        .add(request.postType() == null ? null : request.postType().id());
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(identity.encode().getBytes(StandardCharsets.UTF_8));
      return keyPrefix + "text:" + HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException impossible) {
      throw new IllegalStateException("every JVM has SHA-256", impossible);
    }
  }

  private static JsonObject toJson(GeneratedContent content) {
    return new JsonObject().put("text", content.text()).put("provider", content.provider())
        .put("model", content.model());
  }

  /** A cached text costs nothing this time, and used no tokens. */
  private static GeneratedContent fromJson(JsonObject json) {
    return new GeneratedContent(json.getString("text"), json.getString("provider"), json.getString("model"), 0, 0, 0);
  }

  public void close() {
    client.close();
  }
}
