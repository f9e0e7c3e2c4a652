package io.chorus.web.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.chorus.contracts.Addresses;
import io.chorus.contracts.Platform;
import io.chorus.contracts.PostState;
import io.chorus.contracts.content.UsageQuery;
import io.chorus.contracts.content.UsageReport;
import io.chorus.contracts.pipeline.PostStateChanged;
import io.chorus.storage.Database;
import io.chorus.storage.DatabaseOptions;
import io.chorus.web.SseTestClient;
import io.chorus.web.WebTestSupport;
import io.chorus.web.WebVerticle;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * API tokens end to end: the real token service on PostgreSQL, the web verticle, Redis for the
 * per-token quota. Runs on the JUnit thread and waits for each answer.
 */
@DisplayName("API tokens: issued once, stored hashed, revocable, with roles and a quota")
class ApiTokensTest {
  private static final String BOOTSTRAP = "tokens-test-bootstrap-token";
  /** Requests per minute per token: enough for any one test's calls with one token, but for the quota test's. */
  private static final int QUOTA = 12;

  private Vertx vertx;
  private WebVerticle web;
  private WebClient client;
  private Pool pool;
  private final List<UsageQuery> usageQueries = new CopyOnWriteArrayList<>();

  @BeforeEach
  void deploy() {
    vertx = Vertx.vertx();
    JsonObject config = WebTestSupport.config(BOOTSTRAP, 60_000, 262_144);
    config.getJsonObject("auth").put("rateLimit", new JsonObject().put("requests", QUOTA).put("periodSeconds", 60));
    vertx.eventBus().<UsageQuery>consumer(Addresses.CONTENT_USAGE, request -> {
      usageQueries.add(request.body());
      request.reply(new UsageReport(List.of()));
    });
    web = await(WebTestSupport.deploy(vertx, config));
    client = WebTestSupport.client(vertx, web);
    pool = Database.pool(vertx, DatabaseOptions.fromConfig(config));
    await(pool.query("INSERT INTO brands (id, name) VALUES ('brand-a', 'A'), ('brand-b', 'B') ON CONFLICT DO NOTHING")
        .execute());
  }

  @AfterEach
  void close() {
    await(vertx.close());
  }

  @Test
  @DisplayName("shows a new token once, keeps only its SHA-256, and lists tokens without secrets")
  void issuedOnceAndHashed() {
    HttpResponse<Buffer> issued = issue(BOOTSTRAP, "CRM sync", "partner", "brand-a");
    assertThat(issued.statusCode()).isEqualTo(201);
    JsonObject body = issued.bodyAsJsonObject();
    String secret = body.getString("token");
    assertThat(secret).startsWith("chorus_").hasSizeGreaterThan(40);
    assertThat(body.getString("role")).isEqualTo("partner");
    assertThat(body.getString("brandId")).isEqualTo("brand-a");
    assertThat(issued.getHeader("Location")).isEqualTo("/api/v1/tokens/" + body.getString("id"));
    assertThat(issued.getHeader("Cache-Control")).isEqualTo("no-store");

    Row stored = await(pool.preparedQuery("SELECT * FROM api_tokens WHERE id = $1")
        .execute(Tuple.of(body.getString("id")))).iterator().next();
    byte[] hash = stored.getBuffer("token_hash").getBytes();
    assertThat(hash).hasSize(32).isNotEqualTo(secret.getBytes(StandardCharsets.UTF_8));
    for (int column = 0; column < stored.size(); column++) {
      assertThat(String.valueOf(stored.getValue(column))).doesNotContain(secret.substring("chorus_".length()));
    }

    JsonArray listed = get(BOOTSTRAP, "/api/v1/tokens").bodyAsJsonObject().getJsonArray("items");
    assertThat(listed.encode()).doesNotContain(secret.substring("chorus_".length()));
    assertThat(listed.stream().map(JsonObject.class::cast).map(token -> token.getString("id")))
        .contains(body.getString("id"), "bootstrap");
    assertThat(listed.stream().map(JsonObject.class::cast)).allSatisfy(token -> {
      assertThat(token.containsKey("token")).isFalse();
      assertThat(token.containsKey("secret")).isFalse();
    });

    // The new token works, and says whom it stands for.
    JsonObject me = get(secret, "/api/v1/session").bodyAsJsonObject();
    assertThat(me.getString("actor")).isEqualTo("token:" + body.getString("id"));
    assertThat(me.getString("role")).isEqualTo("partner");
    assertThat(me.getString("brandId")).isEqualTo("brand-a");
  }

  @Test
  @DisplayName("refuses a revoked token at once, and names the field at fault of a bad request")
  void revokesAndValidates() {
    JsonObject token = issue(BOOTSTRAP, "short-lived", "viewer", null).bodyAsJsonObject();
    assertThat(get(token.getString("token"), "/api/v1/usage").statusCode()).isEqualTo(200);

    assertThat(await(client.delete("/api/v1/tokens/" + token.getString("id")).bearerTokenAuthentication(BOOTSTRAP)
        .send()).statusCode()).isEqualTo(204);
    HttpResponse<Buffer> refused = get(token.getString("token"), "/api/v1/usage");
    assertThat(refused.statusCode()).isEqualTo(401);
    assertThat(refused.getHeader("Content-Type")).isEqualTo("application/problem+json");
    JsonObject listed = get(BOOTSTRAP, "/api/v1/tokens").bodyAsJsonObject().getJsonArray("items").stream()
        .map(JsonObject.class::cast).filter(item -> item.getString("id").equals(token.getString("id")))
        .findFirst().orElseThrow();
    assertThat(listed.getString("revokedAt")).isNotNull();
    assertThat(listed.getString("lastUsedAt")).isNotNull();

    assertThat(fieldAtFault(issue(BOOTSTRAP, "x", "owner", null))).isEqualTo("role");
    assertThat(fieldAtFault(issue(BOOTSTRAP, " ", "viewer", null))).isEqualTo("name");
    assertThat(fieldAtFault(issue(BOOTSTRAP, "x", "viewer", "no-such-brand"))).isEqualTo("brandId");
    assertThat(await(client.delete("/api/v1/tokens/tok_unknown").bearerTokenAuthentication(BOOTSTRAP).send())
        .statusCode()).isEqualTo(404);
  }

  @Test
  @DisplayName("lets each role do only its share: a viewer reads, and may neither issue tokens nor manage webhooks")
  void rolesLimitWhatTokensDo() {
    String viewer = issue(BOOTSTRAP, "viewer", "viewer", null).bodyAsJsonObject().getString("token");
    String partner = issue(BOOTSTRAP, "partner", "partner", null).bodyAsJsonObject().getString("token");
    String reviewer = issue(BOOTSTRAP, "reviewer", "reviewer", null).bodyAsJsonObject().getString("token");

    assertThat(get(viewer, "/api/v1/usage").statusCode()).isEqualTo(200);
    HttpResponse<Buffer> forbidden = issue(viewer, "escalation", "admin", null);
    assertThat(forbidden.statusCode()).isEqualTo(403);
    assertThat(forbidden.bodyAsJsonObject().getString("type")).isEqualTo(Access.FORBIDDEN);
    assertThat(get(viewer, "/api/v1/tokens").statusCode()).isEqualTo(403);
    assertThat(get(viewer, "/api/v1/webhooks").statusCode()).isEqualTo(403);
    assertThat(post(viewer, "/api/v1/posts/p1/cancel", new JsonObject()).statusCode()).isEqualTo(403);
    assertThat(post(viewer, "/api/v1/posts/p1/approve", new JsonObject()).statusCode()).isEqualTo(403);
    assertThat(post(partner, "/api/v1/posts/p1/approve", new JsonObject()).statusCode()).isEqualTo(403);
    assertThat(post(reviewer, "/api/v1/posts/p1/cancel", new JsonObject()).statusCode()).isEqualTo(403);
    assertThat(get(partner, "/api/v1/tokens").statusCode()).isEqualTo(403);
  }

  @Test
  @DisplayName("binds a brand's admin to its brand: it sees and issues that brand's tokens only")
  void brandAdminStaysInItsBrand() {
    JsonObject adminA = issue(BOOTSTRAP, "A admin", "admin", "brand-a").bodyAsJsonObject();
    JsonObject viewerB = issue(BOOTSTRAP, "B viewer", "viewer", "brand-b").bodyAsJsonObject();
    String tokenA = adminA.getString("token");

    assertThat(issue(tokenA, "into B", "viewer", "brand-b").statusCode()).isEqualTo(404);
    JsonObject unbound = issue(tokenA, "no brand named", "viewer", null).bodyAsJsonObject();
    assertThat(unbound.getString("brandId")).isEqualTo("brand-a");
    JsonArray listed = get(tokenA, "/api/v1/tokens").bodyAsJsonObject().getJsonArray("items");
    assertThat(listed.stream().map(JsonObject.class::cast).map(token -> token.getString("brandId")))
        .isNotEmpty().containsOnly("brand-a");
    assertThat(await(client.delete("/api/v1/tokens/" + viewerB.getString("id")).bearerTokenAuthentication(tokenA)
        .send()).statusCode()).isEqualTo(404);
    assertThat(get(viewerB.getString("token"), "/api/v1/usage").statusCode()).isEqualTo(200);
  }

  @Test
  @DisplayName("narrows usage and the live stream to a brand-bound token's brand, and hides other brands")
  void usageAndStreamAreScoped() {
    String viewerA = issue(BOOTSTRAP, "A viewer", "viewer", "brand-a").bodyAsJsonObject().getString("token");

    assertThat(get(viewerA, "/api/v1/usage").statusCode()).isEqualTo(200);
    assertThat(usageQueries).last().extracting(UsageQuery::brandId).isEqualTo("brand-a");
    assertThat(get(viewerA, "/api/v1/usage?brand=brand-b").statusCode()).isEqualTo(404);
    assertThat(get(BOOTSTRAP, "/api/v1/usage").statusCode()).isEqualTo(200);
    assertThat(usageQueries).last().extracting(UsageQuery::brandId).isNull();

    assertThat(get(viewerA, "/api/v1/stream?brand=brand-b").statusCode()).isEqualTo(404);
    SseTestClient stream = await(SseTestClient.open(vertx, web, "/api/v1/stream",
        Map.of("Authorization", "Bearer " + viewerA)));
    vertx.eventBus().publish(Addresses.PIPELINE_TRANSITIONS, transition("post-b", "brand-b"));
    vertx.eventBus().publish(Addresses.PIPELINE_TRANSITIONS, transition("post-a", "brand-a"));
    await(WebTestSupport.eventually(vertx, 5_000, () -> !stream.events("post-state").isEmpty()));
    assertThat(stream.events("post-state")).extracting(event -> event.data().getString("brandId"))
        .containsOnly("brand-a");
    await(stream.close());
  }

  @Test
  @DisplayName("gives each token its own quota: past it 429 with Retry-After, while other tokens go on")
  void quotaPerToken() {
    String limited = issue(BOOTSTRAP, "busy", "viewer", null).bodyAsJsonObject().getString("token");
    String other = issue(BOOTSTRAP, "quiet", "viewer", null).bodyAsJsonObject().getString("token");

    for (int i = QUOTA; i > 0; i--) {
      HttpResponse<Buffer> allowed = get(limited, "/api/v1/usage");
      assertThat(allowed.statusCode()).isEqualTo(200);
      assertThat(allowed.getHeader("RateLimit-Limit")).isEqualTo(String.valueOf(QUOTA));
      assertThat(allowed.getHeader("RateLimit-Remaining")).isEqualTo(String.valueOf(i - 1));
    }
    HttpResponse<Buffer> throttled = get(limited, "/api/v1/usage");
    assertThat(throttled.statusCode()).isEqualTo(429);
    assertThat(Integer.parseInt(throttled.getHeader("Retry-After"))).isBetween(1, 60);
    assertThat(throttled.getHeader("Content-Type")).isEqualTo("application/problem+json");
    assertThat(throttled.getHeader("RateLimit-Remaining")).isEqualTo("0");
    assertThat(get(other, "/api/v1/usage").statusCode()).isEqualTo(200);
  }

  private static PostStateChanged transition(String postId, String brandId) {
    return new PostStateChanged(postId, brandId, Platform.X, PostState.SCHEDULED, PostState.PUBLISHING, Instant.now());
  }

  private HttpResponse<Buffer> issue(String token, String name, String role, String brandId) {
    JsonObject body = new JsonObject().put("name", name).put("role", role);
    if (brandId != null) {
      body.put("brandId", brandId);
    }
    return post(token, "/api/v1/tokens", body);
  }

  private HttpResponse<Buffer> post(String token, String path, JsonObject body) {
    return await(client.post(path).bearerTokenAuthentication(token).sendJsonObject(body));
  }

  private HttpResponse<Buffer> get(String token, String path) {
    return await(client.get(path).bearerTokenAuthentication(token).send());
  }

  private static String fieldAtFault(HttpResponse<Buffer> response) {
    assertThat(response.statusCode()).isEqualTo(400);
    return response.bodyAsJsonObject().getJsonArray("errors").getJsonObject(0).getString("field");
  }

  private static <T> T await(Future<T> future) {
    try {
      return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    } catch (Exception failed) {
      throw new AssertionError("no answer: " + failed, failed);
    }
  }
}
