package io.chorus.web.stream;

import io.chorus.contracts.JsonRecordCodec;
import io.chorus.contracts.metrics.BrandMetrics;
import io.chorus.contracts.metrics.LiveMetrics;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.Map;

/**
 * A live metrics snapshot and its JSON as each kind of client sees it: all brands together, or
 * one brand's figures, optionally only one platform's. Every view is rendered once per snapshot.
 * Publish latency covers every brand, since the snapshot does not break it down.
 */
final class MetricsSnapshot {
  private final LiveMetrics metrics;
  private final Map<StreamFilter, String> rendered = new HashMap<>();

  MetricsSnapshot(LiveMetrics metrics) {
    this.metrics = metrics;
  }

  /** The snapshot's JSON for a client with {@code filter}. */
  String json(StreamFilter filter) {
    return rendered.computeIfAbsent(filter, this::render);
  }

  private String render(StreamFilter filter) {
    Map<String, Map<String, Long>> posts = metrics.postsByPlatformAndState();
    Map<String, Double> engagement = metrics.engagementByPlatform();
    if (filter.brandId() != null) {
      BrandMetrics brand = metrics.brands().get(filter.brandId());
      posts = brand == null ? Map.of() : brand.postsByPlatformAndState();
      engagement = brand == null ? Map.of() : brand.engagementByPlatform();
    }
    if (filter.platform() != null) {
      String platform = filter.platform().id();
      posts = posts.containsKey(platform) ? Map.of(platform, posts.get(platform)) : Map.of();
      engagement = engagement.containsKey(platform) ? Map.of(platform, engagement.get(platform)) : Map.of();
    }
    JsonObject json = new JsonObject()
        .put("at", metrics.at().toString())
        .put("postsByPlatformAndState", JsonObject.mapFrom(posts))
        .put("engagementByPlatform", JsonObject.mapFrom(engagement))
        .put("publishLatency", JsonRecordCodec.toJsonObject(metrics.publishLatency()));
    if (filter.brandId() != null) {
      json.put("brandId", filter.brandId());
    }
    if (filter.platform() != null) {
      json.put("platform", filter.platform().id());
    }
    return json.encode();
  }
}
