package io.chorus.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import io.chorus.config.ChorusConfig;
import io.chorus.config.ConfigSource;
import io.chorus.contracts.Contracts;
import io.chorus.contracts.Platform;
import io.chorus.contracts.platform.OptimizedContent;
import io.chorus.platform.Platforms;
import io.chorus.storage.Database;
import io.chorus.storage.DatabaseOptions;
import io.chorus.testkit.TestDatabase;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import io.vertx.sqlclient.Pool;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo stack in-process, against the real PostgreSQL and Redis: the Team Leader plans the
 * demo campaign, Content writes it, the five platform agents publish it to the simulator.
 */
@ExtendWith(VertxExtension.class)
@Timeout(value = 120, timeUnit = TimeUnit.SECONDS)
class DemoEndToEndTest {
  /** Enough slots for every platform to take each of its post types once. */
  private static final int SLOTS = 4;
  /** The kinds of post each platform's simulator records for the slots' post types, in any order. */
  private static final Map<Platform, List<String>> KINDS = Map.of(
      Platform.X, List.of("post", "post", "image", "post"),
      Platform.FACEBOOK, List.of("post", "link", "photo", "scheduled"),
      Platform.INSTAGRAM, List.of("image", "carousel", "reel", "story"),
      Platform.LINKEDIN, List.of("post", "article", "image", "post"),
      Platform.TIKTOK, List.of("photo", "video", "photo", "video"));
  /** The demo campaign on a fast calendar with a fixed number of slots, rotating post types as the demo does. */
  private static final String CAMPAIGN_OVERLAY = """
      campaigns:
        - id: autumn-harvest
          brand: northwind
          name: Autumn Harvest Blend
          brief: >-
            Launch of the Autumn Harvest Blend, a medium roast from a single farm in Huila, Colombia,
            with notes of baked apple, caramel and cinnamon. Available in every shop and online.
          keyMessages: [roasted in small batches every Tuesday, the farm is paid 40%% above the fair-trade price]
          hashtags: ["#AutumnHarvest", "#SpecialtyCoffee", "#Northwind"]
          trends: [cosy mornings, first frost]
          callToAction: Find it in your nearest shop or at https://northwind.example/autumn
          platforms: [facebook, x, instagram, linkedin, tiktok]
          media: [autumn-harvest-1.jpg, autumn-harvest-2.jpg, autumn-harvest.mp4]
          postTypes:
            x: [text, thread, image]
            facebook: [text, link, image, scheduled]
            instagram: [image, carousel, reel, story]
            linkedin: [text, link, image]
            tiktok: [image, video]
          calendar: {everySeconds: 1, maxSlots: %d}
      """.formatted(SLOTS);

  @TempDir
  Path temp;
  private TestDatabase database;
  private Demo demo;

  @BeforeEach
  void setUp(Vertx vertx) {
    Contracts.registerCodecs(vertx);
    database = TestDatabase.createSchema(getClass());
  }

  @AfterEach
  void tearDown(Vertx vertx, VertxTestContext ctx) {
    Future<Void> stopped = demo == null ? Future.succeededFuture() : demo.stop();
    stopped.eventually(vertx::close).onComplete(done -> {
      database.close();
      ctx.completeNow();
    });
  }

  @Test
  @DisplayName("every planned post reaches its platform exactly once, as its post type, within the platform's limit, is PUBLISHED, and its insights are collected")
  void demoPublishesEveryPlannedPostOnce(Vertx vertx, VertxTestContext ctx) throws Exception {
    Path overlay = Files.writeString(temp.resolve("e2e.yaml"), CAMPAIGN_OVERLAY);
    Path confDir = Path.of(System.getProperty("chorus.conf.dir"));
    Map<String, Object> overrides = new HashMap<>();
    overrides.put("http.port", 0);
    overrides.put("simulator.port", 0);
    overrides.put("database.schema", database.schema());
    overrides.put("database.embeddedFallback", false);
    overrides.put("leader.planIntervalMs", 200);
    overrides.put("pipeline.pollIntervalMs", 50);
    overrides.put("metrics.liveIntervalMs", 200);
    // The demo accounts' quotas live in Redis for a day; a run of its own must not inherit
    // what earlier demos and test runs spent of them.
    overrides.put("rateLimit.keyPrefix", "chorus:rl:" + database.schema() + ":");
    // Likewise cached texts: a text cached by an earlier run would be neither generated nor billed.
    overrides.put("content.cache.keyPrefix", "chorus:content:" + database.schema() + ":");
    int expected = SLOTS * Platform.values().length;
    // Opened here, outside any verticle, so the demo's stopping verticles cannot take it along.
    Pool samples = Database.pool(vertx, DatabaseOptions.fromConfig(new JsonObject().put("database", database.databaseConfig())));

    Demo.start(vertx, extra -> ChorusConfig.load(vertx,
            new ConfigSource(confDir, "demo", overlay, Map.of(), Map.of(), extra)), overrides)
        .compose(started -> {
          demo = started;
          return firstMetricsEvent(vertx, started.node().webPort(), started.generatedToken());
        })
        .compose(metricsEvent -> {
          ctx.verify(() -> assertThat(metricsEvent).contains("event: metrics"));
          WebClient web = WebClient.create(vertx);
          return poll(vertx, () -> web.get(demo.node().webPort(), "127.0.0.1", "/api/v1/posts")
              .bearerTokenAuthentication(demo.generatedToken())
              .addQueryParam("state", "PUBLISHED").addQueryParam("limit", "100").send()
              .map(response -> response.bodyAsJsonObject().getJsonArray("items")), expected);
        })
        .compose(published -> allPosts(vertx).map(all -> List.of(published, all)))
        .compose(lists -> {
          ctx.verify(() -> {
            assertThat(lists.get(1)).as("every post in the database").hasSize(expected);
            assertThat(lists.get(0)).as("published posts").hasSize(expected);
          });
          return simulatorPosts(vertx).map(received -> Map.entry(lists.get(0), received));
        })
        .compose(both -> usage(vertx).map(usage -> {
          ctx.verify(() -> {
            // The demo's text comes through the real Anthropic client, talking to the simulator.
            assertThat(usage.getJsonArray("items").stream().map(JsonObject.class::cast)
                .map(line -> line.getString("provider"))).contains("anthropic");
            assertThat(usage.getJsonObject("totals").getLong("requests")).isGreaterThanOrEqualTo(expected);
          });
          return both;
        }))
        .compose(both -> servedImage(vertx, both.getValue()).map(image -> {
          ctx.verify(() -> {
            assertThat(image.statusCode()).as("the Instagram post's image, served by the node").isEqualTo(200);
            assertThat(image.getHeader("Content-Type")).isEqualTo("image/jpeg");
          });
          return both;
        }))
        .compose(both -> metricsFromEveryPlatform(vertx, samples).map(both))
        .onComplete(ctx.succeeding(both -> ctx.verify(() -> {
          JsonArray published = both.getKey();
          JsonArray received = both.getValue();
          for (Platform platform : Platform.values()) {
            Set<String> publishedIds = externalIds(published, platform);
            List<JsonObject> all = received.stream().map(JsonObject.class::cast)
                .filter(post -> platform.id().equals(post.getString("platform"))).toList();
            // The posts after the first of a thread are replies to it, not posts of their own.
            List<JsonObject> receivedHere = all.stream().filter(post -> !"reply".equals(post.getString("kind"))).toList();
            assertThat(receivedHere).as("posts %s received", platform.id()).hasSize(SLOTS);
            assertThat(receivedHere.stream().map(post -> post.getString("kind")).toList())
                .as("kinds of post %s received", platform.id()).containsExactlyInAnyOrderElementsOf(KINDS.get(platform));
            assertThat(receivedHere.stream().map(post -> post.getString("id")).toList())
                .as("ids %s gave", platform.id()).containsExactlyInAnyOrderElementsOf(publishedIds);
            if (platform == Platform.X) {
              assertThat(all).as("the thread's replies").hasSizeGreaterThan(SLOTS);
            }
            for (JsonObject post : all) {
              OptimizedContent counted = Platforms.fitter(platform).fit(post.getString("text"), List.of());
              assertThat(counted.length()).as("%s text length", platform.id()).isLessThanOrEqualTo(counted.limit());
            }
          }
          ctx.completeNow();
        })));
  }

  /**
   * Instagram and TikTok posts carry an image Chorus stored and serves at /media/{id}; fetches the
   * first Instagram one from the node (the demo's media.publicUrl names the configured port, not
   * the test's random one, so only the path is taken).
   */
  private Future<io.vertx.ext.web.client.HttpResponse<io.vertx.core.buffer.Buffer>> servedImage(Vertx vertx,
      JsonArray received) {
    List<String> urls = received.stream().map(JsonObject.class::cast)
        .filter(post -> Set.of("instagram", "tiktok").contains(post.getString("platform")))
        .map(post -> post.getJsonArray("mediaUrls").getString(0))
        .toList();
    // Single-image posts carry a stored image; carousels, reels and videos keep the campaign's files.
    urls = urls.stream().filter(url -> url.matches("http://127\\.0\\.0\\.1:\\d+/media/[0-9a-f-]{36}")).toList();
    assertThat(urls).as("stored images handed to Instagram and TikTok").isNotEmpty();
    String path = urls.get(0).substring(urls.get(0).indexOf("/media/"));
    return WebClient.create(vertx).get(demo.node().webPort(), "127.0.0.1", path).send();
  }

  private Future<JsonArray> allPosts(Vertx vertx) {
    return WebClient.create(vertx).get(demo.node().webPort(), "127.0.0.1", "/api/v1/posts")
        .bearerTokenAuthentication(demo.generatedToken())
        .addQueryParam("limit", "500").send()
        .map(response -> response.bodyAsJsonObject().getJsonArray("items"));
  }

  private Future<JsonObject> usage(Vertx vertx) {
    return WebClient.create(vertx).get(demo.node().webPort(), "127.0.0.1", "/api/v1/usage")
        .bearerTokenAuthentication(demo.generatedToken())
        .addQueryParam("brand", "northwind").send()
        .map(response -> response.bodyAsJsonObject());
  }

  private Future<JsonArray> simulatorPosts(Vertx vertx) {
    return WebClient.create(vertx).getAbs(demo.simulator().baseUrl() + "/_simulator/posts").send()
        .map(response -> response.bodyAsJsonObject().getJsonArray("items"));
  }

  private static Set<String> externalIds(JsonArray posts, Platform platform) {
    Set<String> ids = new HashSet<>();
    posts.stream().map(JsonObject.class::cast)
        .filter(post -> platform.id().equals(post.getString("platform")))
        .forEach(post -> ids.add(post.getString("externalId")));
    return ids;
  }

  /** Polls until the demo has collected the simulated insights of posts on every platform. */
  private static Future<Void> metricsFromEveryPlatform(Vertx vertx, Pool samples) {
    return pollTrue(vertx, () -> samples.query("SELECT count(DISTINCT platform) AS platforms FROM metric_samples").execute()
        .map(rows -> rows.iterator().next().getLong("platforms") == Platform.values().length));
  }

  private static Future<Void> pollTrue(Vertx vertx, Supplier<Future<Boolean>> condition) {
    return condition.get().compose(done -> done
        ? Future.<Void>succeededFuture()
        : vertx.timer(250).compose(tick -> pollTrue(vertx, condition)));
  }

  /** Reads the stream until its first complete metrics event and returns what it read. */
  private static Future<String> firstMetricsEvent(Vertx vertx, int port, String token) {
    return vertx.createHttpClient().request(HttpMethod.GET, port, "127.0.0.1", "/api/v1/stream")
        .compose(request -> request.putHeader(HttpHeaders.AUTHORIZATION, "Bearer " + token).send())
        .compose(DemoEndToEndTest::firstMetricsEvent);
  }

  private static Future<String> firstMetricsEvent(HttpClientResponse response) {
    Promise<String> event = Promise.promise();
    Buffer seen = Buffer.buffer();
    response.handler(chunk -> {
      seen.appendBuffer(chunk);
      String text = seen.toString();
      int start = text.indexOf("event: metrics");
      if (start >= 0 && text.indexOf("\n\n", start) > 0) {
        event.tryComplete(text);
        response.request().connection().close();
      }
    });
    return event.future();
  }

  /** Polls until the list has at least {@code size} items, within the test's timeout. */
  private static Future<JsonArray> poll(Vertx vertx, Supplier<Future<JsonArray>> list, int size) {
    return list.get().compose(items -> items.size() >= size
        ? Future.succeededFuture(items)
        : vertx.timer(250).compose(tick -> poll(vertx, list, size)));
  }
}
