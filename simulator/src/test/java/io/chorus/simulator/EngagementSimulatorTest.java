package io.chorus.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.chorus.simulator.engagement.GrowthCurve;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.time.Duration;
import java.util.Collections;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Insights and comments of the simulated platforms, in each platform's shapes and errors. */
@ExtendWith(VertxExtension.class)
class EngagementSimulatorTest {
  private static final String PAGE = "104857600000001";
  private static final String ORG = "urn:li:organization:5550001";

  private Simulator simulator;
  private WebClient client;

  @BeforeEach
  void start(Vertx vertx, VertxTestContext ctx) {
    client = WebClient.create(vertx);
    Simulator.create(vertx, new SimulatorOptions().setProcessingMs(0)).listen().onComplete(ctx.succeeding(started -> {
      simulator = started;
      ctx.completeNow();
    }));
  }

  @Test
  @DisplayName("the growth curve is the same for the same post and age, and never goes down as the post ages")
  void growthIsDeterministicAndMonotonic() {
    long previous = -1;
    for (int seconds = 0; seconds <= 7200; seconds += 30) {
      long value = GrowthCurve.value("1861234567890123456", "impressions", Duration.ofSeconds(seconds));
      assertThat(value).isGreaterThanOrEqualTo(previous);
      previous = value;
    }
    assertThat(previous).isPositive();
    assertThat(GrowthCurve.value("42", "likes", Duration.ofMinutes(5)))
        .isEqualTo(GrowthCurve.value("42", "likes", Duration.ofMinutes(5)));
    assertThat(GrowthCurve.value("42", "likes", Duration.ZERO)).isZero();
  }

  @Test
  @DisplayName("X looks up to 100 posts with public and owner-only metrics, and reports unknown ids as partial errors")
  void xLookup(VertxTestContext ctx) {
    client.postAbs(simulator.baseUrl("x") + "/2/tweets").bearerTokenAuthentication("owner")
        .sendJsonObject(new JsonObject().put("text", "Autumn is here"))
        .compose(created -> {
          String id = created.bodyAsJsonObject().getJsonObject("data").getString("id");
          return lookup("owner", id + ",42").compose(own -> lookup("stranger", id).map(other -> {
            ctx.verify(() -> {
              JsonObject tweet = own.bodyAsJsonObject().getJsonArray("data").getJsonObject(0);
              assertThat(tweet.getJsonObject("public_metrics").fieldNames())
                  .contains("like_count", "reply_count", "retweet_count", "impression_count", "bookmark_count");
              assertThat(tweet.getJsonObject("non_public_metrics").fieldNames()).contains("url_link_clicks");
              JsonObject missing = own.bodyAsJsonObject().getJsonArray("errors").getJsonObject(0);
              assertThat(missing.getString("type")).endsWith("/resource-not-found");
              assertThat(missing.getString("resource_id")).isEqualTo("42");
              assertThat(own.getHeader("x-rate-limit-remaining")).isNotNull();
              assertThat(other.bodyAsJsonObject().containsKey("data")).isFalse();
              assertThat(other.bodyAsJsonObject().getJsonArray("errors").getJsonObject(0).getString("type"))
                  .endsWith("/not-authorized-for-field");
            });
            return id;
          }));
        })
        .compose(id -> lookup("owner", String.join(",", Collections.nCopies(101, id))))
        .onComplete(ctx.succeeding(tooMany -> ctx.verify(() -> {
          assertThat(tooMany.statusCode()).isEqualTo(400);
          ctx.completeNow();
        })));
  }

  private Future<HttpResponse<Buffer>> lookup(String token, String ids) {
    return client.getAbs(simulator.baseUrl("x") + "/2/tweets").bearerTokenAuthentication(token)
        .addQueryParam("ids", ids).addQueryParam("tweet.fields", "public_metrics,non_public_metrics").send();
  }

  @Test
  @DisplayName("an X comment shows in the owner's mentions, and a reply to it is recorded as the account's answer")
  void xMentionsAndReply(VertxTestContext ctx) {
    String x = simulator.baseUrl("x");
    client.postAbs(x + "/2/tweets").bearerTokenAuthentication("owner").sendJsonObject(new JsonObject().put("text", "Hi"))
        .map(created -> created.bodyAsJsonObject().getJsonObject("data").getString("id"))
        .compose(postId -> comment("x", postId, "Is it decaf?"))
        .compose(comment -> client.getAbs(x + "/2/users/1600000000000000001/mentions").bearerTokenAuthentication("owner")
            .send().compose(mentions -> {
              ctx.verify(() -> {
                JsonObject mention = mentions.bodyAsJsonObject().getJsonArray("data").getJsonObject(0);
                assertThat(mention.getString("id")).isEqualTo(comment.getString("id"));
                assertThat(mention.getJsonArray("referenced_tweets").getJsonObject(0).getString("id"))
                    .isEqualTo(comment.getString("postId"));
              });
              return client.postAbs(x + "/2/tweets").bearerTokenAuthentication("owner")
                  .sendJsonObject(new JsonObject().put("text", "It is not, but our Night Owl is!")
                      .put("reply", new JsonObject().put("in_reply_to_tweet_id", comment.getString("id"))));
            }))
        .compose(reply -> client.postAbs(x + "/2/tweets").bearerTokenAuthentication("owner")
            .sendJsonObject(new JsonObject().put("text", "To nothing")
                .put("reply", new JsonObject().put("in_reply_to_tweet_id", "1"))).map(gone -> {
                  ctx.verify(() -> {
                    assertThat(reply.statusCode()).isEqualTo(201);
                    assertThat(gone.statusCode()).isEqualTo(403);
                  });
                  return reply;
                }))
        .compose(reply -> comments("x"))
        .onComplete(ctx.succeeding(all -> ctx.verify(() -> {
          assertThat(all.stream().map(c -> ((JsonObject) c).getBoolean("byAccount")).collect(Collectors.toList()))
              .containsExactly(false, true);
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("a Facebook post has lifetime insights, a comment summary, comments and Page replies; deprecated metrics are refused")
  void facebook(VertxTestContext ctx) {
    String graph = simulator.baseUrl("facebook") + "/v21.0/";
    client.postAbs(graph + PAGE + "/feed").bearerTokenAuthentication("page-t")
        .sendForm(MultiMap.caseInsensitiveMultiMap().add("message", "New roast"))
        .map(created -> created.bodyAsJsonObject().getString("id"))
        .compose(postId -> comment("facebook", postId, "Love it").compose(comment -> Future.all(
                client.getAbs(graph + postId + "/insights").bearerTokenAuthentication("page-t")
                    .addQueryParam("metric", "post_media_view,post_clicks,post_reactions_by_type_total").send(),
                client.getAbs(graph + postId + "/insights").bearerTokenAuthentication("page-t")
                    .addQueryParam("metric", "post_impressions").send(),
                client.getAbs(graph + postId).bearerTokenAuthentication("page-t")
                    .addQueryParam("fields", "shares,comments.limit(0).summary(true)").send(),
                client.postAbs(graph + comment.getString("id") + "/comments").bearerTokenAuthentication("page-t")
                    .sendForm(MultiMap.caseInsensitiveMultiMap().add("message", "Thank you!")))
            .compose(all -> client.getAbs(graph + comment.getString("id") + "/comments")
                .bearerTokenAuthentication("page-t").send().map(replies -> {
                  ctx.verify(() -> {
                    HttpResponse<Buffer> insights = all.resultAt(0);
                    JsonArray data = insights.bodyAsJsonObject().getJsonArray("data");
                    assertThat(data).hasSize(3);
                    assertThat(data.getJsonObject(0).getString("period")).isEqualTo("lifetime");
                    assertThat(data.getJsonObject(2).getJsonArray("values").getJsonObject(0).getValue("value"))
                        .isInstanceOf(JsonObject.class);
                    HttpResponse<Buffer> deprecated = all.resultAt(1);
                    assertThat(deprecated.statusCode()).isEqualTo(400);
                    assertThat(deprecated.bodyAsJsonObject().getJsonObject("error").getInteger("code")).isEqualTo(100);
                    HttpResponse<Buffer> post = all.resultAt(2);
                    assertThat(post.bodyAsJsonObject().getJsonObject("comments").getJsonObject("summary")
                        .getLong("total_count")).isPositive();
                    HttpResponse<Buffer> reply = all.resultAt(3);
                    assertThat(reply.bodyAsJsonObject().getString("id")).contains("_");
                    assertThat(replies.bodyAsJsonObject().getJsonArray("data").getJsonObject(0).getString("message"))
                        .isEqualTo("Thank you!");
                  });
                  return null;
                }))))
        .onComplete(ctx.succeeding(done -> ctx.completeNow()));
  }

  @Test
  @DisplayName("Instagram media insights use the current metrics, refuse impressions, and unknown media are Graph errors")
  void instagram(VertxTestContext ctx) {
    String graph = simulator.baseUrl("instagram") + "/v21.0/";
    client.postAbs(graph + "17841400000000001/media").addQueryParam("access_token", "ig-t")
        .addQueryParam("image_url", simulator.baseUrl() + "/media/autumn.jpg").addQueryParam("caption", "Frost").send()
        .compose(container -> client.postAbs(graph + "17841400000000001/media_publish").addQueryParam("access_token", "ig-t")
            .addQueryParam("creation_id", container.bodyAsJsonObject().getString("id")).send())
        .map(published -> published.bodyAsJsonObject().getString("id"))
        .compose(mediaId -> Future.all(
            client.getAbs(graph + mediaId + "/insights").addQueryParam("access_token", "ig-t")
                .addQueryParam("metric", "views,reach,likes,comments,shares,saved").send(),
            client.getAbs(graph + mediaId + "/insights").addQueryParam("access_token", "ig-t")
                .addQueryParam("metric", "impressions").send(),
            client.getAbs(graph + "999/insights").addQueryParam("access_token", "ig-t")
                .addQueryParam("metric", "likes").send()))
        .onComplete(ctx.succeeding(all -> ctx.verify(() -> {
          HttpResponse<Buffer> insights = all.resultAt(0);
          assertThat(insights.bodyAsJsonObject().getJsonArray("data")).hasSize(6);
          HttpResponse<Buffer> deprecated = all.resultAt(1);
          assertThat(deprecated.statusCode()).isEqualTo(400);
          assertThat(deprecated.bodyAsJsonObject().getJsonObject("error").getString("message")).contains("metric[0]");
          HttpResponse<Buffer> unknown = all.resultAt(2);
          assertThat(unknown.bodyAsJsonObject().getJsonObject("error").getInteger("error_subcode")).isEqualTo(33);
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("LinkedIn share statistics come per share or for the whole organization; comments are answered as the organization")
  void linkedin(VertxTestContext ctx) {
    String rest = simulator.baseUrl("linkedin") + "/rest/";
    linkedin(client.postAbs(rest + "posts")).sendJsonObject(new JsonObject().put("author", ORG).put("commentary", "Hello")
            .put("visibility", "PUBLIC").put("lifecycleState", "PUBLISHED")
            .put("distribution", new JsonObject().put("feedDistribution", "MAIN_FEED")))
        .map(created -> created.getHeader("x-restli-id"))
        .compose(share -> comment("linkedin", share, "Where can I buy it?").compose(comment -> Future.all(
            linkedin(client.getAbs(rest + "organizationalEntityShareStatistics?q=organizationalEntity"
                + "&organizationalEntity=" + encode(ORG) + "&shares=List(" + encode(share) + ")")).send(),
            linkedin(client.postAbs(rest + "socialActions/" + encode(share) + "/comments")).sendJsonObject(new JsonObject()
                .put("actor", ORG).put("object", share).put("parentComment", comment.getString("id"))
                .put("message", new JsonObject().put("text", "In every shop!"))))))
        .onComplete(ctx.succeeding(all -> ctx.verify(() -> {
          HttpResponse<Buffer> stats = all.resultAt(0);
          JsonObject element = stats.bodyAsJsonObject().getJsonArray("elements").getJsonObject(0);
          assertThat(element.getJsonObject("totalShareStatistics").fieldNames())
              .contains("impressionCount", "clickCount", "likeCount", "commentCount", "shareCount");
          assertThat(element.getJsonObject("totalShareStatistics").getLong("commentCount")).isPositive();
          HttpResponse<Buffer> reply = all.resultAt(1);
          assertThat(reply.statusCode()).isEqualTo(201);
          assertThat(reply.getHeader("x-restli-id")).startsWith("urn:li:comment:(urn:li:activity:");
          ctx.completeNow();
        })));
  }

  private io.vertx.ext.web.client.HttpRequest<Buffer> linkedin(io.vertx.ext.web.client.HttpRequest<Buffer> request) {
    return request.bearerTokenAuthentication("li-t").putHeader("LinkedIn-Version", "202601")
        .putHeader("X-Restli-Protocol-Version", "2.0.0");
  }

  private static String encode(String urn) {
    return java.net.URLEncoder.encode(urn, java.nio.charset.StandardCharsets.UTF_8);
  }

  @Test
  @DisplayName("the TikTok video query counts the caller's videos and refuses more than 20 ids")
  void tiktok(VertxTestContext ctx) {
    String tiktok = simulator.baseUrl("tiktok");
    client.postAbs(tiktok + "/v2/video/query/").bearerTokenAuthentication("tt-t")
        .addQueryParam("fields", "id,like_count,comment_count,share_count,view_count")
        .sendJsonObject(new JsonObject().put("filters", new JsonObject()
            .put("video_ids", new JsonArray(Collections.nCopies(21, "1")))))
        .onComplete(ctx.succeeding(tooMany -> ctx.verify(() -> {
          assertThat(tooMany.statusCode()).isEqualTo(400);
          assertThat(tooMany.bodyAsJsonObject().getJsonObject("error").getString("code")).isEqualTo("invalid_params");
          ctx.completeNow();
        })));
  }

  private Future<JsonObject> comment(String platform, String postId, String text) {
    return client.postAbs(simulator.baseUrl() + "/_simulator/comments")
        .sendJsonObject(new JsonObject().put("platform", platform).put("postId", postId).put("text", text)
            .put("author", "ana"))
        .map(response -> {
          assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(201);
          return response.bodyAsJsonObject();
        });
  }

  private Future<JsonArray> comments(String platform) {
    return client.getAbs(simulator.baseUrl() + "/_simulator/comments").addQueryParam("platform", platform).send()
        .map(response -> response.bodyAsJsonObject().getJsonArray("items"));
  }
}
