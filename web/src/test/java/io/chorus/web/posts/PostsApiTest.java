package io.chorus.web.posts;

import static org.assertj.core.api.Assertions.assertThat;

import io.chorus.contracts.Addresses;
import io.chorus.contracts.ChorusError;
import io.chorus.contracts.ErrorCode;
import io.chorus.contracts.Platform;
import io.chorus.contracts.PostState;
import io.chorus.contracts.pipeline.PostCursor;
import io.chorus.contracts.pipeline.PostPage;
import io.chorus.contracts.pipeline.PostQuery;
import io.chorus.contracts.pipeline.PostView;
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
@DisplayName("Listing posts through the REST API")
class PostsApiTest {
  private static final Instant AT = Instant.parse("2026-11-24T08:00:00Z");
  private static final PostView POST = new PostView("post-1", "northwind", "autumn", "northwind-x",
      Platform.X, PostState.PUBLISHED, "Fresh roast today", "1850000000000000001", 1,
      AT, AT.plusSeconds(30), AT.plusSeconds(31), AT.plusSeconds(31), null);

  private final List<PostQuery> queries = new CopyOnWriteArrayList<>();

  @Test
  @DisplayName("filters reach the pipeline and its posts come back as JSON items")
  void listsPostsWithFilters(Vertx vertx, VertxTestContext ctx) {
    pipeline(vertx, request -> {
      queries.add(request.body());
      request.reply(new PostPage(List.of(POST)));
    });
    start(vertx)
        .compose(client -> client.get("/api/v1/posts?state=published&platform=X&limit=20").send())
        .onComplete(ctx.succeeding(response -> ctx.verify(() -> {
          assertThat(response.statusCode()).isEqualTo(200);
          assertThat(response.getHeader("Content-Type")).startsWith("application/json");
          assertThat(queries).containsExactly(new PostQuery(PostState.PUBLISHED, Platform.X, 20));
          JsonObject item = response.bodyAsJsonObject().getJsonArray("items").getJsonObject(0);
          assertThat(item.getString("id")).isEqualTo("post-1");
          assertThat(item.getString("platform")).isEqualTo("x");
          assertThat(item.getString("state")).isEqualTo("PUBLISHED");
          assertThat(item.getString("publishedAt")).isEqualTo("2026-11-24T08:00:31Z");
          assertThat(item.fieldNames()).contains("brandId", "campaignId", "accountId", "text", "externalId",
              "attempts", "slotAt", "scheduledAt", "updatedAt", "lastError");
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("without filters every post is asked for, fifty at most")
  void defaultsWithoutFilters(Vertx vertx, VertxTestContext ctx) {
    pipeline(vertx, request -> {
      queries.add(request.body());
      request.reply(new PostPage(List.of()));
    });
    start(vertx)
        .compose(client -> client.get("/api/v1/posts").send())
        .onComplete(ctx.succeeding(response -> ctx.verify(() -> {
          assertThat(response.statusCode()).isEqualTo(200);
          assertThat(response.bodyAsJsonObject().getJsonArray("items")).isEmpty();
          assertThat(queries).containsExactly(new PostQuery(null, null, 50));
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("a page that is not the last names the next one's cursor, which brings the page after it")
  void pagesWithCursors(Vertx vertx, VertxTestContext ctx) {
    PostCursor last = new PostCursor(AT, "0b5e7a3e-1d3c-4c1e-8f55-4f5b1d0c9e21");
    pipeline(vertx, request -> {
      queries.add(request.body());
      request.reply(request.body().after() == null ? new PostPage(List.of(POST), last) : new PostPage(List.of()));
    });
    start(vertx)
        .compose(client -> client.get("/api/v1/posts?limit=1&campaign=autumn&brand=northwind").send()
            .compose(first -> {
              ctx.verify(() -> {
                assertThat(first.bodyAsJsonObject().getJsonArray("items")).hasSize(1);
                assertThat(first.bodyAsJsonObject().getString("nextCursor")).isNotBlank().doesNotContain(AT.toString());
              });
              return client.get("/api/v1/posts").addQueryParam("limit", "1").addQueryParam("campaign", "autumn")
                  .addQueryParam("cursor", first.bodyAsJsonObject().getString("nextCursor")).send();
            }))
        .onComplete(ctx.succeeding(second -> ctx.verify(() -> {
          assertThat(second.statusCode()).isEqualTo(200);
          assertThat(second.bodyAsJsonObject().getJsonArray("items")).isEmpty();
          assertThat(second.bodyAsJsonObject().containsKey("nextCursor")).isTrue();
          assertThat(second.bodyAsJsonObject().getValue("nextCursor")).isNull();
          assertThat(queries).containsExactly(
              new PostQuery(null, null, 1, "northwind", "autumn", null),
              new PostQuery(null, null, 1, null, "autumn", last));
          ctx.completeNow();
        })));
  }

  @ParameterizedTest(name = "{0} is refused as a 400 naming {1}")
  @CsvSource({
      "state=LOST, state",
      "platform=myspace, platform",
      "limit=0, limit",
      "limit=501, limit",
      "limit=many, limit",
      "cursor=not-a-cursor, cursor",
      "cursor=bm8tc2VwYXJhdG9y, cursor"})
  @DisplayName("an invalid parameter is refused as problem+json naming the field")
  void refusesInvalidParameters(String query, String field, Vertx vertx, VertxTestContext ctx) {
    pipeline(vertx, request -> {
      queries.add(request.body());
      request.reply(new PostPage(List.of()));
    });
    start(vertx)
        .compose(client -> client.get("/api/v1/posts?" + query).send())
        .onComplete(ctx.succeeding(response -> ctx.verify(() -> {
          assertProblem(response, 400);
          JsonObject error = response.bodyAsJsonObject().getJsonArray("errors").getJsonObject(0);
          assertThat(error.getString("field")).isEqualTo(field);
          assertThat(error.getString("message")).isNotBlank();
          assertThat(queries).isEmpty();
          ctx.completeNow();
        })));
  }

  @ParameterizedTest(name = "{0} from the pipeline is answered with {1}")
  @CsvSource({
      "STORAGE_UNAVAILABLE, 503",
      "TIMEOUT, 504",
      "INVALID_REQUEST, 400",
      "NOT_FOUND, 404",
      "INTERNAL, 500"})
  @DisplayName("a pipeline failure becomes problem+json with the matching status")
  void mapsPipelineFailures(ErrorCode code, int status, Vertx vertx, VertxTestContext ctx) {
    pipeline(vertx, request -> ChorusError.of(code, "secret internals at io.chorus.Db.query(Db.java:42)")
        .failReply(request));
    start(vertx)
        .compose(client -> client.get("/api/v1/posts").send())
        .onComplete(ctx.succeeding(response -> ctx.verify(() -> {
          assertProblem(response, status);
          if (status == 500) {
            assertThat(response.bodyAsString()).doesNotContain("io.chorus", "Db.java");
          }
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("with no pipeline running the API answers 503")
  void noPipelineIsUnavailable(Vertx vertx, VertxTestContext ctx) {
    start(vertx)
        .compose(client -> client.get("/api/v1/posts").send())
        .onComplete(ctx.succeeding(response -> ctx.verify(() -> {
          assertProblem(response, 503);
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("a pipeline that never answers times out as 504")
  void silentPipelineTimesOut(Vertx vertx, VertxTestContext ctx) {
    pipeline(vertx, request -> { });
    start(vertx)
        .compose(client -> client.get("/api/v1/posts").send())
        .onComplete(ctx.succeeding(response -> ctx.verify(() -> {
          assertProblem(response, 504);
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("a request body over the configured limit is refused with 413")
  void refusesLargeBodies(Vertx vertx, VertxTestContext ctx) {
    start(vertx)
        .compose(client -> client.post("/api/v1/posts").sendBuffer(Buffer.buffer(new byte[4096])))
        .onComplete(ctx.succeeding(response -> ctx.verify(() -> {
          assertProblem(response, 413);
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("an unknown API path is a 404 problem")
  void unknownPathIsNotFound(Vertx vertx, VertxTestContext ctx) {
    start(vertx)
        .compose(client -> client.get("/api/v1/nothing-here").send())
        .onComplete(ctx.succeeding(response -> ctx.verify(() -> {
          assertProblem(response, 404);
          ctx.completeNow();
        })));
  }

  private static void assertProblem(HttpResponse<Buffer> response, int status) {
    assertThat(response.statusCode()).isEqualTo(status);
    assertThat(response.getHeader("Content-Type")).isEqualTo("application/problem+json");
    JsonObject problem = response.bodyAsJsonObject();
    assertThat(problem.getInteger("status")).isEqualTo(status);
    assertThat(problem.getString("type")).isNotBlank();
    assertThat(problem.getString("title")).isNotBlank();
    assertThat(problem.getString("detail")).isNotBlank();
    assertThat(response.bodyAsString()).doesNotContain("Exception", "\tat ");
  }

  private static void pipeline(Vertx vertx, Consumer<Message<PostQuery>> behaviour) {
    vertx.eventBus().<PostQuery>consumer(Addresses.PIPELINE_QUERY, behaviour::accept);
  }

  private static Future<WebClient> start(Vertx vertx) {
    return WebTestSupport.deploy(vertx, WebTestSupport.config()).map(web -> WebTestSupport.client(vertx, web));
  }
}
