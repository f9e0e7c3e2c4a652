package io.chorus.web.posts;

import static org.assertj.core.api.Assertions.assertThat;

import io.chorus.contracts.Addresses;
import io.chorus.contracts.ChorusError;
import io.chorus.contracts.ErrorCode;
import io.chorus.contracts.Platform;
import io.chorus.contracts.PostState;
import io.chorus.contracts.pipeline.PostView;
import io.chorus.contracts.pipeline.ReviewDecision;
import io.chorus.web.WebTestSupport;
import io.chorus.web.WebVerticle;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@ExtendWith(VertxExtension.class)
@DisplayName("Approving and rejecting posts through the REST API")
class PostReviewApiTest {
  private static final Instant AT = Instant.parse("2026-11-24T08:00:00Z");
  private static final String TOKEN = "s3cret-bootstrap-token";

  private final List<ReviewDecision> decisions = new CopyOnWriteArrayList<>();

  @Test
  @DisplayName("approving with no body sends an anonymous approval on an open API and answers with the post")
  void approvesWithoutBody(Vertx vertx, VertxTestContext ctx) {
    pipelineDecides(vertx);
    start(vertx, null)
        .compose(client -> client.post("/api/v1/posts/post-1/approve").send())
        .onComplete(ctx.succeeding(response -> ctx.verify(() -> {
          assertThat(response.statusCode()).isEqualTo(200);
          assertThat(response.getHeader("Content-Type")).startsWith("application/json");
          assertThat(decisions).containsExactly(new ReviewDecision("post-1", true, "anonymous", null, null));
          JsonObject post = response.bodyAsJsonObject();
          assertThat(post.getString("id")).isEqualTo("post-1");
          assertThat(post.getString("state")).isEqualTo("APPROVED");
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("approving with an edited text and a note sends both, and the reply carries the edited text")
  void approvesEditedText(Vertx vertx, VertxTestContext ctx) {
    pipelineDecides(vertx);
    start(vertx, null)
        .compose(client -> client.post("/api/v1/posts/post-1/approve")
            .sendJsonObject(new JsonObject().put("text", "Better words #ad").put("note", "tightened")))
        .onComplete(ctx.succeeding(response -> ctx.verify(() -> {
          assertThat(response.statusCode()).isEqualTo(200);
          assertThat(decisions).containsExactly(
              new ReviewDecision("post-1", true, "anonymous", "tightened", "Better words #ad"));
          assertThat(response.bodyAsJsonObject().getString("text")).isEqualTo("Better words #ad");
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("rejecting sends the reason with the bootstrap token's holder as the actor")
  void rejectsWithReason(Vertx vertx, VertxTestContext ctx) {
    pipelineDecides(vertx);
    start(vertx, TOKEN)
        .compose(client -> client.post("/api/v1/posts/post-1/reject").bearerTokenAuthentication(TOKEN)
            .sendJsonObject(new JsonObject().put("reason", "off-brand tone")))
        .onComplete(ctx.succeeding(response -> ctx.verify(() -> {
          assertThat(response.statusCode()).isEqualTo(200);
          assertThat(decisions).containsExactly(
              new ReviewDecision("post-1", false, "token:bootstrap", "off-brand tone", null));
          assertThat(response.bodyAsJsonObject().getString("state")).isEqualTo("REJECTED");
          assertThat(response.bodyAsJsonObject().getString("lastError")).isEqualTo("off-brand tone");
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("a decision without the bootstrap token is refused with 401 and never reaches the pipeline")
  void needsTheToken(Vertx vertx, VertxTestContext ctx) {
    pipelineDecides(vertx);
    start(vertx, TOKEN)
        .compose(client -> client.post("/api/v1/posts/post-1/approve").send())
        .onComplete(ctx.succeeding(response -> ctx.verify(() -> {
          assertThat(response.statusCode()).isEqualTo(401);
          assertThat(decisions).isEmpty();
          ctx.completeNow();
        })));
  }

  @ParameterizedTest(name = "{0} {1} is refused as a 400 naming {2}")
  @CsvSource(delimiter = '|', value = {
      "reject  | ''                      | reason",
      "reject  | {}                      | reason",
      "reject  | '{\"reason\": \"  \"}'  | reason",
      "reject  | '{\"reason\": 7}'       | reason",
      "reject  | not json                | body",
      "approve | '[1, 2]'                | body",
      "approve | '{\"text\": \"\"}'       | text",
      "approve | '{\"note\": false}'      | note"})
  @DisplayName("a bad decision body is refused as problem+json naming the field")
  void refusesBadBodies(String verb, String body, String field, Vertx vertx, VertxTestContext ctx) {
    pipelineDecides(vertx);
    start(vertx, null)
        .compose(client -> client.post("/api/v1/posts/post-1/" + verb)
            .putHeader("Content-Type", "application/json").sendBuffer(Buffer.buffer(body)))
        .onComplete(ctx.succeeding(response -> ctx.verify(() -> {
          assertProblem(response, 400);
          assertThat(response.bodyAsJsonObject().getJsonArray("errors")).hasSize(1);
          assertThat(response.bodyAsJsonObject().getJsonArray("errors").getJsonObject(0).getString("field"))
              .isEqualTo(field);
          assertThat(decisions).isEmpty();
          ctx.completeNow();
        })));
  }

  @ParameterizedTest(name = "{0} from the pipeline is answered with {1}")
  @CsvSource({
      "ILLEGAL_TRANSITION, 409",
      "NOT_FOUND, 404",
      "INVALID_REQUEST, 400"})
  @DisplayName("the pipeline's refusal becomes problem+json with the matching status and its explanation")
  void mapsRefusals(ErrorCode code, int status, Vertx vertx, VertxTestContext ctx) {
    String message = "post post-1 is SCHEDULED; only a post IN_REVIEW can be approved";
    pipeline(vertx, request -> ChorusError.of(code, message).failReply(request));
    start(vertx, null)
        .compose(client -> client.post("/api/v1/posts/post-1/approve").send())
        .onComplete(ctx.succeeding(response -> ctx.verify(() -> {
          assertProblem(response, status);
          assertThat(response.bodyAsJsonObject().getString("detail")).isEqualTo(message);
          ctx.completeNow();
        })));
  }

  private static void assertProblem(HttpResponse<Buffer> response, int status) {
    assertThat(response.statusCode()).isEqualTo(status);
    assertThat(response.getHeader("Content-Type")).isEqualTo("application/problem+json");
    assertThat(response.bodyAsJsonObject().getInteger("status")).isEqualTo(status);
  }

  /** A stand-in pipeline that records each decision and answers with the post as the decision leaves it. */
  private void pipelineDecides(Vertx vertx) {
    pipeline(vertx, request -> {
      ReviewDecision decision = request.body();
      decisions.add(decision);
      request.reply(new PostView(decision.postId(), "northwind", "autumn", "northwind-x", Platform.X,
          decision.approve() ? PostState.APPROVED : PostState.REJECTED,
          decision.editedText() == null ? "Fresh roast today" : decision.editedText(), null, 0,
          AT, null, null, AT, decision.approve() ? null : decision.reason()));
    });
  }

  private static void pipeline(Vertx vertx, Consumer<Message<ReviewDecision>> behaviour) {
    vertx.eventBus().<ReviewDecision>consumer(Addresses.PIPELINE_REVIEW, behaviour::accept);
  }

  private static Future<WebClient> start(Vertx vertx, String token) {
    return WebTestSupport.deploy(vertx, WebTestSupport.config(token, 60_000, 262_144))
        .map((WebVerticle web) -> WebTestSupport.client(vertx, web));
  }
}
