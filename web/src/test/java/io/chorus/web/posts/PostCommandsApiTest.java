package io.chorus.web.posts;

import static org.assertj.core.api.Assertions.assertThat;

import io.chorus.contracts.Addresses;
import io.chorus.contracts.ChorusError;
import io.chorus.contracts.ErrorCode;
import io.chorus.contracts.Platform;
import io.chorus.contracts.PostState;
import io.chorus.contracts.pipeline.PostAction;
import io.chorus.contracts.pipeline.PostCommand;
import io.chorus.contracts.pipeline.PostPage;
import io.chorus.contracts.pipeline.PostQuery;
import io.chorus.contracts.pipeline.PostView;
import io.chorus.web.WebTestSupport;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

@ExtendWith(VertxExtension.class)
@DisplayName("Requeueing, cancelling and rescheduling posts, and listing dead letters, through the REST API")
class PostCommandsApiTest {
  private static final String TOKEN = "s3cret-bootstrap-token";
  private static final Instant AT = Instant.parse("2026-11-24T08:00:00Z");
  private static final PostView FAILED = new PostView("post-1", "northwind", "autumn", "northwind-x",
      Platform.X, PostState.FAILED, "Fresh roast today", null, 5,
      AT, AT.plusSeconds(30), null, AT.plusSeconds(90), "PLATFORM_UNAVAILABLE: 503 from x");

  private final List<PostCommand> commands = new CopyOnWriteArrayList<>();

  @Test
  @DisplayName("a requeue reaches the pipeline with its reason and an anonymous actor on an open API")
  void requeues(Vertx vertx, VertxTestContext ctx) {
    pipelineAnswering(vertx, PostState.SCHEDULED);
    start(vertx, null)
        .compose(client -> client.post("/api/v1/posts/post-1/requeue")
            .sendJsonObject(new JsonObject().put("reason", "x is back")))
        .onComplete(ctx.succeeding(response -> ctx.verify(() -> {
          assertThat(response.statusCode()).isEqualTo(200);
          assertThat(response.getHeader("Content-Type")).startsWith("application/json");
          assertThat(response.bodyAsJsonObject().getString("state")).isEqualTo("SCHEDULED");
          assertThat(response.bodyAsJsonObject().getString("id")).isEqualTo("post-1");
          assertThat(commands).containsExactly(
              new PostCommand("post-1", PostAction.REQUEUE, "anonymous", "x is back", null));
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("a cancel needs no body, and names the bootstrap admin when the API demands a token")
  void cancelsAsBootstrapAdmin(Vertx vertx, VertxTestContext ctx) {
    pipelineAnswering(vertx, PostState.CANCELLED);
    start(vertx, TOKEN)
        .compose(client -> client.post("/api/v1/posts/post-1/cancel").bearerTokenAuthentication(TOKEN).send())
        .onComplete(ctx.succeeding(response -> ctx.verify(() -> {
          assertThat(response.statusCode()).isEqualTo(200);
          assertThat(response.bodyAsJsonObject().getString("state")).isEqualTo("CANCELLED");
          assertThat(commands).containsExactly(
              new PostCommand("post-1", PostAction.CANCEL, "token:bootstrap", null, null));
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("a reschedule carries the new time to the pipeline")
  void reschedules(Vertx vertx, VertxTestContext ctx) {
    pipelineAnswering(vertx, PostState.SCHEDULED);
    start(vertx, null)
        .compose(client -> client.post("/api/v1/posts/post-1/reschedule")
            .sendJsonObject(new JsonObject().put("scheduledAt", "2099-01-31T10:00:00+01:00")))
        .onComplete(ctx.succeeding(response -> ctx.verify(() -> {
          assertThat(response.statusCode()).isEqualTo(200);
          assertThat(commands).containsExactly(new PostCommand("post-1", PostAction.RESCHEDULE, "anonymous", null,
              Instant.parse("2099-01-31T09:00:00Z")));
          ctx.completeNow();
        })));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"{}", "{\"scheduledAt\": \"next tuesday\"}", "{\"scheduledAt\": \"2001-01-01T00:00:00Z\"}",
      "{\"scheduledAt\": 42}"})
  @DisplayName("a reschedule without a future ISO-8601 time is a 400 naming scheduledAt, and the pipeline is not asked")
  void refusesBadScheduledAt(String body, Vertx vertx, VertxTestContext ctx) {
    pipelineAnswering(vertx, PostState.SCHEDULED);
    start(vertx, null)
        .compose(client -> client.post("/api/v1/posts/post-1/reschedule")
            .putHeader("Content-Type", "application/json")
            .sendBuffer(Buffer.buffer(body)))
        .onComplete(ctx.succeeding(response -> ctx.verify(() -> {
          assertFieldProblem(response, "scheduledAt");
          assertThat(commands).isEmpty();
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("a body that is not a JSON object is a 400 problem")
  void refusesMalformedBody(Vertx vertx, VertxTestContext ctx) {
    pipelineAnswering(vertx, PostState.CANCELLED);
    start(vertx, null)
        .compose(client -> client.post("/api/v1/posts/post-1/cancel").sendBuffer(Buffer.buffer("{not json")))
        .onComplete(ctx.succeeding(response -> ctx.verify(() -> {
          assertFieldProblem(response, "body");
          assertThat(commands).isEmpty();
          ctx.completeNow();
        })));
  }

  @ParameterizedTest(name = "{0} from the pipeline is answered with {1}")
  @CsvSource({"ILLEGAL_TRANSITION, 409", "NOT_FOUND, 404", "INVALID_REQUEST, 400"})
  @DisplayName("a command the pipeline refuses becomes problem+json with the matching status")
  void mapsRefusals(ErrorCode code, int status, Vertx vertx, VertxTestContext ctx) {
    vertx.eventBus().<PostCommand>consumer(Addresses.PIPELINE_COMMAND, request ->
        ChorusError.of(code, "post post-1 is PUBLISHING").failReply(request));
    start(vertx, null)
        .compose(client -> client.post("/api/v1/posts/post-1/cancel").send())
        .onComplete(ctx.succeeding(response -> ctx.verify(() -> {
          assertThat(response.statusCode()).isEqualTo(status);
          assertThat(response.getHeader("Content-Type")).isEqualTo("application/problem+json");
          assertThat(response.bodyAsJsonObject().getString("detail")).isEqualTo("post post-1 is PUBLISHING");
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("the dead-letter list asks the pipeline for failed posts only, with the platform and limit given")
  void listsDeadLetters(Vertx vertx, VertxTestContext ctx) {
    List<PostQuery> queries = new CopyOnWriteArrayList<>();
    vertx.eventBus().<PostQuery>consumer(Addresses.PIPELINE_QUERY, request -> {
      queries.add(request.body());
      request.reply(new PostPage(List.of(FAILED)));
    });
    start(vertx, null)
        .compose(client -> client.get("/api/v1/dead-letters?platform=x&limit=10").send())
        .onComplete(ctx.succeeding(response -> ctx.verify(() -> {
          assertThat(response.statusCode()).isEqualTo(200);
          assertThat(queries).containsExactly(new PostQuery(PostState.FAILED, Platform.X, 10));
          JsonObject item = response.bodyAsJsonObject().getJsonArray("items").getJsonObject(0);
          assertThat(item.getString("state")).isEqualTo("FAILED");
          assertThat(item.getInteger("attempts")).isEqualTo(5);
          assertThat(item.getString("platform")).isEqualTo("x");
          assertThat(item.getString("lastError")).isEqualTo("PLATFORM_UNAVAILABLE: 503 from x");
          assertThat(item.getString("updatedAt")).isEqualTo("2026-11-24T08:01:30Z");
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("the dead-letter list refuses a bad limit like the post list does")
  void deadLettersRefuseBadLimit(Vertx vertx, VertxTestContext ctx) {
    start(vertx, null)
        .compose(client -> client.get("/api/v1/dead-letters?limit=0").send())
        .onComplete(ctx.succeeding(response -> ctx.verify(() -> {
          assertFieldProblem(response, "limit");
          ctx.completeNow();
        })));
  }

  private static void assertFieldProblem(HttpResponse<Buffer> response, String field) {
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.getHeader("Content-Type")).isEqualTo("application/problem+json");
    JsonObject error = response.bodyAsJsonObject().getJsonArray("errors").getJsonObject(0);
    assertThat(error.getString("field")).isEqualTo(field);
    assertThat(error.getString("message")).isNotBlank();
  }

  /** A stand-in pipeline that records each command and answers with the post in {@code state}. */
  private void pipelineAnswering(Vertx vertx, PostState state) {
    vertx.eventBus().<PostCommand>consumer(Addresses.PIPELINE_COMMAND, request -> {
      commands.add(request.body());
      request.reply(new PostView(FAILED.id(), FAILED.brandId(), FAILED.campaignId(), FAILED.accountId(),
          FAILED.platform(), state, FAILED.text(), null, 0, FAILED.slotAt(), Instant.now(), null,
          Instant.now(), null));
    });
  }

  private static Future<WebClient> start(Vertx vertx, String token) {
    return WebTestSupport.deploy(vertx, WebTestSupport.config(token, 60_000, 262_144))
        .map(web -> WebTestSupport.client(vertx, web));
  }
}
