package io.chorus.web.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.chorus.contracts.Addresses;
import io.chorus.contracts.Platform;
import io.chorus.contracts.PostState;
import io.chorus.contracts.pipeline.PostCommand;
import io.chorus.contracts.pipeline.PostHistory;
import io.chorus.contracts.pipeline.PostHistoryQuery;
import io.chorus.contracts.pipeline.PostVariants;
import io.chorus.contracts.pipeline.PostView;
import io.chorus.contracts.pipeline.ReviewDecision;
import io.chorus.contracts.pipeline.VariantsQuery;
import io.chorus.contracts.webhooks.WebhookRequest;
import io.chorus.contracts.webhooks.WebhookSubscriptionPage;
import io.chorus.storage.Database;
import io.chorus.storage.DatabaseOptions;
import io.chorus.web.WebTestSupport;
import io.chorus.web.WebVerticle;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.sqlclient.Pool;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A token bound to one brand, against every endpoint about one post and the webhook API: another
 * brand's rows do not exist for it, and its requests about them never reach the pipeline. The
 * pipeline and the webhook service are stood in for by consumers on the real bus; posts whose id
 * starts with {@code a} belong to brand-a, the others to brand-b.
 */
@DisplayName("Brand scoping: a token bound to one brand never reads or changes another's posts or webhooks")
class BrandScopingTest {
  private static final String BOOTSTRAP = "scoping-test-bootstrap-token";
  private static final String POST_OF_A = "aaaaaaaa-0000-4000-8000-000000000001";
  private static final String POST_OF_B = "bbbbbbbb-0000-4000-8000-000000000002";

  private Vertx vertx;
  private WebClient client;
  private final List<Object> reachedPipeline = new CopyOnWriteArrayList<>();
  private final List<WebhookRequest> webhookRequests = new CopyOnWriteArrayList<>();
  private String adminA;

  @BeforeEach
  void deploy() {
    vertx = Vertx.vertx();
    JsonObject config = WebTestSupport.config(BOOTSTRAP, 60_000, 262_144);
    vertx.eventBus().<PostHistoryQuery>consumer(Addresses.PIPELINE_HISTORY, request -> {
      reachedPipeline.add(request.body());
      request.reply(new PostHistory(post(request.body().postId()), List.of()));
    });
    vertx.eventBus().<VariantsQuery>consumer(Addresses.PIPELINE_VARIANTS, request -> {
      reachedPipeline.add(request.body());
      request.reply(new PostVariants(request.body().postId(), List.of()));
    });
    vertx.eventBus().<ReviewDecision>consumer(Addresses.PIPELINE_REVIEW, request -> {
      reachedPipeline.add(request.body());
      request.reply(post(request.body().postId()));
    });
    vertx.eventBus().<PostCommand>consumer(Addresses.PIPELINE_COMMAND, request -> {
      reachedPipeline.add(request.body());
      request.reply(post(request.body().postId()));
    });
    vertx.eventBus().<WebhookRequest>consumer(Addresses.WEBHOOKS_MANAGE, request -> {
      webhookRequests.add(request.body());
      request.reply(new WebhookSubscriptionPage(List.of()));
    });
    WebVerticle web = await(WebTestSupport.deploy(vertx, config));
    client = WebTestSupport.client(vertx, web);
    Pool pool = Database.pool(vertx, DatabaseOptions.fromConfig(config));
    await(pool.query("INSERT INTO brands (id, name) VALUES ('brand-a', 'A'), ('brand-b', 'B') ON CONFLICT DO NOTHING")
        .execute());
    adminA = await(client.post("/api/v1/tokens").bearerTokenAuthentication(BOOTSTRAP)
        .sendJsonObject(new JsonObject().put("name", "A admin").put("role", "admin").put("brandId", "brand-a")))
        .bodyAsJsonObject().getString("token");
  }

  @AfterEach
  void close() {
    await(vertx.close());
  }

  @Test
  @DisplayName("answers 404 for another brand's post on every post endpoint, and goes on for its own")
  void postEndpoints() {
    JsonObject reason = new JsonObject().put("reason", "checked by the scoping test");
    JsonObject reschedule = new JsonObject().put("scheduledAt", Instant.now().plusSeconds(3_600).toString());
    for (String id : List.of(POST_OF_B, POST_OF_A)) {
      int expected = id.equals(POST_OF_A) ? 200 : 404;
      String post = "/api/v1/posts/" + id;
      assertThat(get(post + "/history").statusCode()).as("history of " + post).isEqualTo(expected);
      assertThat(get(post + "/variants").statusCode()).as("variants of " + post).isEqualTo(expected);
      assertThat(post(post + "/approve", new JsonObject()).statusCode()).as("approve " + post).isEqualTo(expected);
      for (String action : List.of("reject", "requeue", "cancel")) {
        assertThat(post(post + "/" + action, reason).statusCode()).as(action + " " + post).isEqualTo(expected);
      }
      assertThat(post(post + "/reschedule", reschedule).statusCode()).as("reschedule " + post).isEqualTo(expected);
    }
    // Only the brand lookups reached the pipeline for brand-b's post; every request for brand-a's did.
    assertThat(reachedPipeline).filteredOn(request -> !(request instanceof PostHistoryQuery))
        .hasSize(6)
        .allSatisfy(request -> assertThat(request.toString()).contains(POST_OF_A));
  }

  @Test
  @DisplayName("scopes webhook subscriptions to the token's brand and hides another brand's")
  void webhooks() {
    assertThat(get("/api/v1/webhooks").statusCode()).isEqualTo(200);
    assertThat(webhookRequests).last().extracting(WebhookRequest::brandId).isEqualTo("brand-a");
    assertThat(get("/api/v1/webhooks?brandId=brand-b").statusCode()).isEqualTo(404);
    assertThat(get("/api/v1/webhooks/" + POST_OF_B + "?brandId=brand-b").statusCode()).isEqualTo(404);
    HttpResponse<Buffer> created = post("/api/v1/webhooks", new JsonObject().put("brandId", "brand-b")
        .put("url", "https://hooks.example/b").put("eventTypes", List.of("post.published")));
    assertThat(created.statusCode()).isEqualTo(404);
    assertThat(webhookRequests).hasSize(1);
  }

  private static PostView post(String id) {
    String brand = id.startsWith("a") ? "brand-a" : "brand-b";
    return new PostView(id, brand, "campaign", brand + "-x", Platform.X, PostState.IN_REVIEW, "text", null, 0,
        Instant.now(), Instant.now(), null, Instant.now(), null);
  }

  private HttpResponse<Buffer> get(String path) {
    return await(client.get(path).bearerTokenAuthentication(adminA).send());
  }

  private HttpResponse<Buffer> post(String path, JsonObject body) {
    return await(client.post(path).bearerTokenAuthentication(adminA).sendJsonObject(body));
  }

  private static <T> T await(Future<T> future) {
    try {
      return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    } catch (Exception failed) {
      throw new AssertionError("no answer: " + failed, failed);
    }
  }
}
