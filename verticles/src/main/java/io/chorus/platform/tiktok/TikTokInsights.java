package io.chorus.platform.tiktok;

import io.chorus.contracts.Platform;
import io.chorus.platform.PlatformAccount;
import io.chorus.platform.PlatformHttp;
import io.chorus.platform.PlatformSettings;
import io.chorus.platform.insights.Counts;
import io.chorus.platform.insights.InsightsClient;
import io.chorus.platform.insights.InsightsRead;
import io.chorus.platform.insights.Metric;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the creator's own videos with the Display API's {@code POST /v2/video/query/} (up to 20
 * ids in {@code filters.video_ids}) and their like, comment, share and view counts. TikTok leaves
 * out videos that are gone or private; those simply have no sample this time.
 */
public final class TikTokInsights implements InsightsClient {
  private static final int MAX_IDS = 20;
  private static final String FIELDS = "id,like_count,comment_count,share_count,view_count";

  private final WebClient web;
  private final PlatformSettings settings;

  public TikTokInsights(WebClient web, PlatformSettings settings) {
    this.web = web;
    this.settings = settings;
  }

  @Override
  public int maxBatch() {
    return MAX_IDS;
  }

  @Override
  public Future<InsightsRead> read(PlatformAccount account, Map<String, Instant> posts) {
    JsonObject body = new JsonObject().put("filters", new JsonObject().put("video_ids", new JsonArray(List.copyOf(posts.keySet()))));
    return PlatformHttp.checked(Platform.TIKTOK,
            PlatformHttp.authorized(web.postAbs(settings.baseUrl() + "/v2/video/query/"), account, settings)
                .putHeader("Content-Type", "application/json; charset=UTF-8")
                .addQueryParam("fields", FIELDS)
                .sendJsonObject(body),
            TikTokErrors.READER)
        .compose(response -> {
          JsonObject envelope = PlatformHttp.json(response);
          if (!"ok".equals(envelope.getJsonObject("error", new JsonObject()).getString("code"))) {
            return PlatformHttp.rejected(Platform.TIKTOK, TikTokErrors.READER.message(envelope));
          }
          Map<String, Map<String, Long>> values = new HashMap<>();
          JsonArray videos = envelope.getJsonObject("data", new JsonObject()).getJsonArray("videos", new JsonArray());
          for (Object item : videos) {
            JsonObject video = (JsonObject) item;
            values.put(String.valueOf(video.getValue("id")), new Counts()
                .add(Metric.LIKES, video, "like_count")
                .add(Metric.COMMENTS, video, "comment_count")
                .add(Metric.SHARES, video, "share_count")
                .add(Metric.VIEWS, video, "view_count")
                .values());
          }
          return Future.succeededFuture(new InsightsRead(values, List.of(), List.of()));
        });
  }
}
