package io.chorus.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class LinkedInSimulatorTest {

  private static final String VERSION = YearMonth.now(ZoneOffset.UTC).minusMonths(2)
      .format(DateTimeFormatter.ofPattern("yyyyMM"));

  private Simulator simulator;
  private WebClient client;

  @BeforeEach
  void start(Vertx vertx, VertxTestContext ctx) {
    client = WebClient.create(vertx);
    Simulator.create(vertx, new SimulatorOptions().setLinkedinPostsPerDay(2)).listen()
        .onComplete(ctx.succeeding(started -> {
          simulator = started;
          ctx.completeNow();
        }));
  }

  private HttpRequest<Buffer> posts() {
    return client.postAbs(simulator.baseUrl("linkedin") + "/rest/posts")
        .bearerTokenAuthentication("li-t")
        .putHeader("LinkedIn-Version", VERSION)
        .putHeader("X-Restli-Protocol-Version", "2.0.0");
  }

  private HttpRequest<Buffer> withoutVersion() {
    HttpRequest<Buffer> request = posts();
    request.headers().remove("LinkedIn-Version");
    return request;
  }

  private static JsonObject post(String commentary) {
    return new JsonObject()
        .put("author", "urn:li:organization:5550001")
        .put("commentary", commentary)
        .put("visibility", "PUBLIC")
        .put("distribution", new JsonObject().put("feedDistribution", "MAIN_FEED")
            .put("targetEntities", new JsonArray()).put("thirdPartyDistributionChannels", new JsonArray()))
        .put("lifecycleState", "PUBLISHED")
        .put("isReshareDisabledByAuthor", false);
  }

  @Test
  @DisplayName("a post is created with 201, an empty body and its share URN in x-restli-id")
  void createsAPost(VertxTestContext ctx) {
    posts().sendJsonObject(post("Autumn roast is in")).onComplete(ctx.succeeding(response -> ctx.verify(() -> {
      assertThat(response.statusCode()).isEqualTo(201);
      assertThat(response.body() == null || response.body().length() == 0).isTrue();
      assertThat(response.getHeader("x-restli-id")).matches("urn:li:share:\\d+");
      ctx.completeNow();
    })));
  }

  @Test
  @DisplayName("a missing LinkedIn-Version header is 426, and a version from the future too")
  void enforcesTheVersionHeader(VertxTestContext ctx) {
    String future = YearMonth.now(ZoneOffset.UTC).plusMonths(3).format(DateTimeFormatter.ofPattern("yyyyMM"));
    Future<HttpResponse<Buffer>> missing = withoutVersion().sendJsonObject(post("a"));
    missing.compose(m -> posts().putHeader("LinkedIn-Version", future).sendJsonObject(post("b")).map(inactive -> {
      ctx.verify(() -> {
        assertThat(m.statusCode()).isEqualTo(426);
        assertThat(m.bodyAsJsonObject().getInteger("status")).isEqualTo(426);
        assertThat(m.bodyAsJsonObject().getString("message")).contains("LinkedIn-Version");
        assertThat(inactive.statusCode()).isEqualTo(426);
        assertThat(inactive.bodyAsJsonObject().getString("message")).contains(future);
      });
      return inactive;
    })).onComplete(ctx.succeedingThenComplete());
  }

  @Test
  @DisplayName("without a bearer token the answer is 401 with LinkedIn's error body")
  void rejectsAMissingToken(VertxTestContext ctx) {
    client.postAbs(simulator.baseUrl("linkedin") + "/rest/posts")
        .putHeader("LinkedIn-Version", VERSION).putHeader("X-Restli-Protocol-Version", "2.0.0")
        .sendJsonObject(post("hi"))
        .onComplete(ctx.succeeding(response -> ctx.verify(() -> {
          assertThat(response.statusCode()).isEqualTo(401);
          JsonObject body = response.bodyAsJsonObject();
          assertThat(body.getInteger("status")).isEqualTo(401);
          assertThat(body.getInteger("serviceErrorCode")).isEqualTo(65600);
          assertThat(body.getString("message")).isNotBlank();
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("commentary over 3000 characters and a missing author are 422")
  void validatesTheBody(VertxTestContext ctx) {
    posts().sendJsonObject(post("x".repeat(3001)))
        .compose(tooLong -> posts().sendJsonObject(post("fine").put("author", null)).map(noAuthor -> {
          ctx.verify(() -> {
            assertThat(tooLong.statusCode()).isEqualTo(422);
            assertThat(tooLong.bodyAsJsonObject().getString("message")).contains("/commentary");
            assertThat(noAuthor.statusCode()).isEqualTo(422);
            assertThat(noAuthor.bodyAsJsonObject().getString("message")).contains("/author");
          });
          return noAuthor;
        }))
        .onComplete(ctx.succeedingThenComplete());
  }

  @Test
  @DisplayName("past the daily quota the answer is 429 without any rate-limit header")
  void enforcesTheDailyQuota(VertxTestContext ctx) {
    posts().sendJsonObject(post("one"))
        .compose(r -> posts().sendJsonObject(post("two")))
        .compose(r -> posts().sendJsonObject(post("three")))
        .onComplete(ctx.succeeding(response -> ctx.verify(() -> {
          assertThat(response.statusCode()).isEqualTo(429);
          assertThat(response.bodyAsJsonObject().getInteger("status")).isEqualTo(429);
          assertThat(response.headers().names()).noneMatch(name -> name.toLowerCase().contains("rate"));
          assertThat(response.getHeader("Retry-After")).isNull();
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("a token that posted for one organization gets 403 when posting for another")
  void refusesAnotherAuthor(VertxTestContext ctx) {
    posts().sendJsonObject(post("ours"))
        .compose(r -> posts().sendJsonObject(post("theirs").put("author", "urn:li:organization:999")))
        .onComplete(ctx.succeeding(response -> ctx.verify(() -> {
          assertThat(response.statusCode()).isEqualTo(403);
          assertThat(response.bodyAsJsonObject().getInteger("status")).isEqualTo(403);
          assertThat(response.bodyAsJsonObject().getString("message")).contains("urn:li:organization:999");
          ctx.completeNow();
        })));
  }
}
