package io.chorus.platform.instagram;

import io.chorus.contracts.Platform;
import io.chorus.platform.PlatformAccount;
import io.chorus.platform.PlatformHttp;
import io.chorus.platform.PlatformSettings;
import io.chorus.platform.facebook.GraphError;
import io.chorus.platform.facebook.GraphInsightsReader;
import io.chorus.platform.insights.Counts;
import io.chorus.platform.insights.InsightsClient;
import io.chorus.platform.insights.InsightsRead;
import io.chorus.platform.insights.Metric;
import io.vertx.core.Future;
import io.vertx.ext.web.client.WebClient;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Reads Instagram media insights with {@code GET /{media-id}/insights?metric=views,reach,likes,
 * comments,shares,saved} (lifetime), the metrics current since Graph v22 ({@code impressions}
 * and {@code plays} are gone).
 */
public final class InstagramInsights implements InsightsClient {
  /** Media read in parallel per batch; Graph has no multi-media insights call. */
  private static final int BATCH = 25;
  private static final String METRICS = "views,reach,likes,comments,shares,saved";

  private final WebClient web;
  private final PlatformSettings settings;

  public InstagramInsights(WebClient web, PlatformSettings settings) {
    this.web = web;
    this.settings = settings;
  }

  @Override
  public int maxBatch() {
    return BATCH;
  }

  @Override
  public Future<InsightsRead> read(PlatformAccount account, Map<String, Instant> posts) {
    return GraphInsightsReader.readEach(List.copyOf(posts.keySet()), mediaId -> PlatformHttp.checked(Platform.INSTAGRAM,
            PlatformHttp.authorized(web.getAbs(settings.baseUrl() + "/" + settings.apiVersion() + "/" + mediaId
                + "/insights"), account, settings).addQueryParam("metric", METRICS).send(),
            GraphError.READER)
        .map(response -> normalise(GraphInsightsReader.lifetime(PlatformHttp.json(response)))));
  }

  private static Map<String, Long> normalise(Map<String, Object> lifetime) {
    Counts counts = new Counts();
    Map.of("views", Metric.VIEWS, "reach", Metric.REACH, "likes", Metric.LIKES, "comments", Metric.COMMENTS,
            "shares", Metric.SHARES, "saved", Metric.SAVES)
        .forEach((name, metric) -> {
          Long value = GraphInsightsReader.total(lifetime.get(name));
          if (value != null) {
            counts.put(metric, value);
          }
        });
    return counts.values();
  }
}
