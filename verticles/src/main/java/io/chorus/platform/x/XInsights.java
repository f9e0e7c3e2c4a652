package io.chorus.platform.x;

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
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads X post metrics with the multi-post lookup {@code GET /2/tweets?ids=} (up to 100 ids):
 * {@code public_metrics} for every post and, for the owner's posts of the last 30 days,
 * {@code non_public_metrics} (link clicks). Posts X refuses the owner-only fields for are read
 * again with the public ones alone.
 */
public final class XInsights implements InsightsClient {
  private static final int MAX_IDS = 100;
  /** X serves non-public metrics for posts up to 30 days old. */
  private static final Duration NON_PUBLIC_AGE = Duration.ofDays(30);
  private static final String PUBLIC = "public_metrics";
  private static final String NON_PUBLIC = "non_public_metrics";

  private final WebClient web;
  private final PlatformSettings settings;

  public XInsights(WebClient web, PlatformSettings settings) {
    this.web = web;
    this.settings = settings;
  }

  @Override
  public int maxBatch() {
    return MAX_IDS;
  }

  @Override
  public Future<InsightsRead> read(PlatformAccount account, Map<String, Instant> posts) {
    Instant ownerOnlySince = Instant.now().minus(NON_PUBLIC_AGE);
    List<String> recent = posts.entrySet().stream()
        .filter(post -> post.getValue() == null || post.getValue().isAfter(ownerOnlySince)).map(Map.Entry::getKey).toList();
    List<String> older = posts.keySet().stream().filter(id -> !recent.contains(id)).toList();
    return lookup(account, recent, true)
        .compose(first -> {
          List<String> publicOnly = new ArrayList<>(older);
          publicOnly.addAll(first.refused());
          return lookup(account, publicOnly, false).map(second -> merge(first.read(), second.read()));
        });
  }

  private record Lookup(InsightsRead read, List<String> refused) {}

  private Future<Lookup> lookup(PlatformAccount account, List<String> ids, boolean ownerFields) {
    if (ids.isEmpty()) {
      return Future.succeededFuture(new Lookup(new InsightsRead(Map.of(), List.of(), List.of()), List.of()));
    }
    return PlatformHttp.checked(Platform.X,
            PlatformHttp.authorized(web.getAbs(settings.baseUrl() + "/2/tweets"), account, settings)
                .addQueryParam("ids", String.join(",", ids))
                .addQueryParam("tweet.fields", ownerFields ? PUBLIC + "," + NON_PUBLIC : PUBLIC)
                .send(),
            XErrors.READER)
        .map(response -> {
          JsonObject body = PlatformHttp.json(response);
          Map<String, Map<String, Long>> values = new HashMap<>();
          for (Object item : body.getJsonArray("data", new JsonArray())) {
            JsonObject tweet = (JsonObject) item;
            values.put(tweet.getString("id"), normalise(tweet));
          }
          List<String> missing = new ArrayList<>();
          List<String> refused = new ArrayList<>();
          for (Object item : body.getJsonArray("errors", new JsonArray())) {
            JsonObject error = (JsonObject) item;
            String id = error.getString("resource_id", error.getString("value"));
            String type = error.getString("type", "");
            if (type.endsWith("/resource-not-found")) {
              missing.add(id);
            } else if (type.endsWith("/not-authorized-for-field") && ownerFields) {
              refused.add(id);
            }
          }
          List<String> failed = ids.stream()
              .filter(id -> !values.containsKey(id) && !missing.contains(id) && !refused.contains(id)).toList();
          return new Lookup(new InsightsRead(values, missing, failed), refused);
        });
  }

  private static Map<String, Long> normalise(JsonObject tweet) {
    JsonObject open = tweet.getJsonObject(PUBLIC);
    JsonObject owner = tweet.getJsonObject(NON_PUBLIC);
    return new Counts()
        .add(Metric.LIKES, open, "like_count")
        .add(Metric.COMMENTS, open, "reply_count")
        .add(Metric.SHARES, open, "retweet_count")
        .add(Metric.SHARES, open, "quote_count")
        .add(Metric.SAVES, open, "bookmark_count")
        .add(Metric.IMPRESSIONS, open, "impression_count")
        .add(Metric.CLICKS, owner, "url_link_clicks")
        .values();
  }

  private static InsightsRead merge(InsightsRead first, InsightsRead second) {
    Map<String, Map<String, Long>> values = new HashMap<>(first.values());
    values.putAll(second.values());
    List<String> missing = new ArrayList<>(first.missing());
    missing.addAll(second.missing());
    List<String> failed = new ArrayList<>(first.failed());
    failed.addAll(second.failed());
    return new InsightsRead(values, missing, failed);
  }
}
