package io.chorus.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class XSimulatorTest {

  private Simulator simulator;
  private WebClient client;

  @BeforeEach
  void start(Vertx vertx, VertxTestContext ctx) {
    client = WebClient.create(vertx);
    SimulatorOptions options = new SimulatorOptions().setXPostsPer15Min(3);
    Simulator.create(vertx, options).listen().onComplete(ctx.succeeding(started -> {
      simulator = started;
      ctx.completeNow();
    }));
  }

  private Future<HttpResponse<Buffer>> tweet(String token, JsonObject body) {
    var request = client.postAbs(simulator.baseUrl("x") + "/2/tweets");
    if (token != null) {
      request.bearerTokenAuthentication(token);
    }
    return request.sendJsonObject(body);
  }

  @Test
  @DisplayName("a post is created with 201, a numeric id, its edit history and the rate-limit headers")
  void createsAPost(VertxTestContext ctx) {
    tweet("user-a", new JsonObject().put("text", "Hello from Chorus")).onComplete(ctx.succeeding(response ->
        ctx.verify(() -> {
          assertThat(response.statusCode()).isEqualTo(201);
          JsonObject data = response.bodyAsJsonObject().getJsonObject("data");
          assertThat(data.getString("id")).matches("\\d{15,20}");
          assertThat(data.getString("text")).isEqualTo("Hello from Chorus");
          assertThat(data.getJsonArray("edit_history_tweet_ids")).containsExactly(data.getString("id"));
          assertThat(response.getHeader("x-rate-limit-limit")).isEqualTo("3");
          assertThat(response.getHeader("x-rate-limit-remaining")).isEqualTo("2");
          long reset = Long.parseLong(response.getHeader("x-rate-limit-reset"));
          assertThat(reset).isGreaterThan(System.currentTimeMillis() / 1000);
          assertThat(response.getHeader("x-user-limit-24hour-remaining")).isNotNull();
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("a request without a bearer token gets a 401 problem document")
  void rejectsAMissingToken(VertxTestContext ctx) {
    tweet(null, new JsonObject().put("text", "hi")).onComplete(ctx.succeeding(response -> ctx.verify(() -> {
      assertThat(response.statusCode()).isEqualTo(401);
      assertThat(response.getHeader("Content-Type")).isEqualTo("application/problem+json");
      assertThat(response.bodyAsJsonObject().getString("title")).isEqualTo("Unauthorized");
      assertThat(response.bodyAsJsonObject().getInteger("status")).isEqualTo(401);
      ctx.completeNow();
    })));
  }

  @Test
  @DisplayName("text over 280 weighted characters is refused, counting CJK as two and URLs as 23")
  void refusesOverlongText(VertxTestContext ctx) {
    String cjk = "咖".repeat(141);
    String withUrls = "a".repeat(250) + " https://northwind.example/" + "x".repeat(100);
    tweet("user-a", new JsonObject().put("text", cjk))
        .compose(tooLong -> tweet("user-a", new JsonObject().put("text", withUrls)).map(fits -> {
          ctx.verify(() -> {
            assertThat(tooLong.statusCode()).isEqualTo(400);
            JsonObject problem = tooLong.bodyAsJsonObject();
            assertThat(problem.getString("type")).isEqualTo("https://api.twitter.com/2/problems/invalid-request");
            assertThat(problem.getJsonArray("errors")).hasSize(1);
            assertThat(fits.statusCode()).isEqualTo(201);
          });
          return fits;
        }))
        .onComplete(ctx.succeedingThenComplete());
  }

  @Test
  @DisplayName("posting the same text twice for one user is a 403 duplicate")
  void refusesDuplicates(VertxTestContext ctx) {
    JsonObject body = new JsonObject().put("text", "Same words");
    tweet("user-a", body).compose(first -> tweet("user-a", body)).onComplete(ctx.succeeding(second ->
        ctx.verify(() -> {
          assertThat(second.statusCode()).isEqualTo(403);
          assertThat(second.bodyAsJsonObject().getString("detail")).contains("duplicate content");
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("past the per-user quota the answer is 429 with zero remaining, while other users still post")
  void enforcesTheQuota(VertxTestContext ctx) {
    tweet("user-a", new JsonObject().put("text", "one"))
        .compose(r -> tweet("user-a", new JsonObject().put("text", "two")))
        .compose(r -> tweet("user-a", new JsonObject().put("text", "three")))
        .compose(r -> tweet("user-a", new JsonObject().put("text", "four")))
        .compose(limited -> tweet("user-b", new JsonObject().put("text", "four")).map(other -> {
          ctx.verify(() -> {
            assertThat(limited.statusCode()).isEqualTo(429);
            assertThat(limited.getHeader("x-rate-limit-remaining")).isEqualTo("0");
            assertThat(limited.getHeader("x-rate-limit-reset")).isNotNull();
            assertThat(limited.bodyAsJsonObject().getString("title")).isEqualTo("Too Many Requests");
            assertThat(other.statusCode()).isEqualTo(201);
          });
          return other;
        }))
        .onComplete(ctx.succeedingThenComplete());
  }

  @Test
  @DisplayName("a thread reply is accepted with in_reply_to_tweet_id and refused without it")
  void validatesReplies(VertxTestContext ctx) {
    tweet("user-a", new JsonObject().put("text", "1/2"))
        .compose(first -> {
          String id = first.bodyAsJsonObject().getJsonObject("data").getString("id");
          return tweet("user-a", new JsonObject().put("text", "2/2")
              .put("reply", new JsonObject().put("in_reply_to_tweet_id", id)));
        })
        .compose(reply -> tweet("user-a", new JsonObject().put("text", "3/2").put("reply", new JsonObject()))
            .map(broken -> {
              ctx.verify(() -> {
                assertThat(reply.statusCode()).isEqualTo(201);
                assertThat(broken.statusCode()).isEqualTo(400);
                assertThat(broken.bodyAsJsonObject().getJsonArray("errors").getJsonObject(0)
                    .getJsonObject("parameters").fieldNames()).containsExactly("reply.in_reply_to_tweet_id");
              });
              return broken;
            }))
        .onComplete(ctx.succeedingThenComplete());
  }
}
