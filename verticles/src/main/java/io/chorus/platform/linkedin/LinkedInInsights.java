package io.chorus.platform.linkedin;

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
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Reads the lifetime statistics of an organization's posts with
 * {@code GET /rest/organizationalEntityShareStatistics?q=organizationalEntity} and
 * {@code shares=List(...)} / {@code ugcPosts=List(...)}. Organic statistics only exist for
 * organization authors; a post LinkedIn leaves out of the answer simply has no sample this time.
 */
public final class LinkedInInsights implements InsightsClient {
  /** URNs per call, keeping the Rest.li query string well under URL limits. */
  private static final int BATCH = 20;

  private final WebClient web;
  private final PlatformSettings settings;

  public LinkedInInsights(WebClient web, PlatformSettings settings) {
    this.web = web;
    this.settings = settings;
  }

  @Override
  public int maxBatch() {
    return BATCH;
  }

  @Override
  public Future<InsightsRead> read(PlatformAccount account, Map<String, Instant> posts) {
    List<String> urns = List.copyOf(posts.keySet());
    StringBuilder url = new StringBuilder(settings.baseUrl())
        .append("/rest/organizationalEntityShareStatistics?q=organizationalEntity&organizationalEntity=")
        .append(encode(account.externalId()));
    appendList(url, "shares", urns.stream().filter(urn -> !urn.startsWith("urn:li:ugcPost:")).toList());
    appendList(url, "ugcPosts", urns.stream().filter(urn -> urn.startsWith("urn:li:ugcPost:")).toList());
    return PlatformHttp.checked(Platform.LINKEDIN,
            PlatformHttp.authorized(web.getAbs(url.toString()), account, settings)
                .putHeader("LinkedIn-Version", settings.apiVersion())
                .putHeader("X-Restli-Protocol-Version", "2.0.0")
                .send(),
            LinkedInErrors.READER)
        .map(response -> {
          Map<String, Map<String, Long>> values = new HashMap<>();
          for (Object item : PlatformHttp.json(response).getJsonArray("elements", new JsonArray())) {
            JsonObject element = (JsonObject) item;
            String urn = element.getString("share", element.getString("ugcPost"));
            if (urn != null && posts.containsKey(urn)) {
              values.put(urn, normalise(element.getJsonObject("totalShareStatistics")));
            }
          }
          return new InsightsRead(values, List.of(), List.of());
        });
  }

  /** Rest.li 2.0 lists: the parentheses and commas stay bare, each URN is URL-encoded. */
  private static void appendList(StringBuilder url, String name, List<String> urns) {
    if (!urns.isEmpty()) {
      url.append('&').append(name).append("=List(")
          .append(urns.stream().map(LinkedInInsights::encode).collect(Collectors.joining(","))).append(')');
    }
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private static Map<String, Long> normalise(JsonObject statistics) {
    return new Counts()
        .add(Metric.IMPRESSIONS, statistics, "impressionCount")
        .add(Metric.REACH, statistics, "uniqueImpressionsCount")
        .add(Metric.CLICKS, statistics, "clickCount")
        .add(Metric.LIKES, statistics, "likeCount")
        .add(Metric.COMMENTS, statistics, "commentCount")
        .add(Metric.SHARES, statistics, "shareCount")
        .values();
  }
}
