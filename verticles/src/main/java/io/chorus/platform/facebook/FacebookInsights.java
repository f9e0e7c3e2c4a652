package io.chorus.platform.facebook;

import io.chorus.contracts.Platform;
import io.chorus.platform.PlatformAccount;
import io.chorus.platform.PlatformHttp;
import io.chorus.platform.PlatformSettings;
import io.chorus.platform.insights.Counts;
import io.chorus.platform.insights.InsightsClient;
import io.chorus.platform.insights.InsightsRead;
import io.chorus.platform.insights.Metric;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Reads a Page post's insights with two Graph calls: {@code /{post-id}/insights} for the metrics
 * that survived the 2025-2026 deprecations ({@code post_media_view}, {@code post_total_media_view_unique},
 * {@code post_clicks}, {@code post_reactions_by_type_total}), and the post's {@code shares} and
 * {@code comments.summary(true)} fields, which insights do not carry.
 */
public final class FacebookInsights implements InsightsClient {
  /** Posts read in parallel per batch; Graph has no multi-post insights call. */
  private static final int BATCH = 25;
  private static final String METRICS = "post_media_view,post_total_media_view_unique,post_clicks,post_reactions_by_type_total";

  private final WebClient web;
  private final PlatformSettings settings;

  public FacebookInsights(WebClient web, PlatformSettings settings) {
    this.web = web;
    this.settings = settings;
  }

  @Override
  public int maxBatch() {
    return BATCH;
  }

  @Override
  public Future<InsightsRead> read(PlatformAccount account, Map<String, Instant> posts) {
    return GraphInsightsReader.readEach(List.copyOf(posts.keySet()), postId -> Future.all(
            get(account, postId + "/insights", "metric", METRICS),
            get(account, postId, "fields", "shares,comments.limit(0).summary(true)"))
        .map(both -> normalise(GraphInsightsReader.lifetime(both.resultAt(0)), both.resultAt(1))));
  }

  private Future<JsonObject> get(PlatformAccount account, String path, String param, String value) {
    String url = settings.baseUrl() + "/" + settings.apiVersion() + "/" + path;
    return PlatformHttp.checked(Platform.FACEBOOK,
            PlatformHttp.authorized(web.getAbs(url), account, settings).addQueryParam(param, value).send(),
            GraphError.READER)
        .map(PlatformHttp::json);
  }

  private static Map<String, Long> normalise(Map<String, Object> insights, JsonObject post) {
    Counts counts = new Counts()
        .add(Metric.SHARES, post.getJsonObject("shares"), "count")
        .add(Metric.COMMENTS, post.getJsonObject("comments", new JsonObject()).getJsonObject("summary"), "total_count");
    putTotal(counts, Metric.IMPRESSIONS, insights.get("post_media_view"));
    putTotal(counts, Metric.REACH, insights.get("post_total_media_view_unique"));
    putTotal(counts, Metric.CLICKS, insights.get("post_clicks"));
    putTotal(counts, Metric.LIKES, insights.get("post_reactions_by_type_total"));
    return counts.values();
  }

  private static void putTotal(Counts counts, String metric, Object value) {
    Long total = GraphInsightsReader.total(value);
    if (total != null) {
      counts.put(metric, total);
    }
  }
}
