package io.chorus.web.posts;

import static org.assertj.core.api.Assertions.assertThat;

import io.chorus.contracts.Addresses;
import io.chorus.contracts.ChorusError;
import io.chorus.contracts.ErrorCode;
import io.chorus.contracts.pipeline.PostVariant;
import io.chorus.contracts.pipeline.PostVariants;
import io.chorus.contracts.pipeline.VariantsQuery;
import io.chorus.web.WebTestSupport;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@DisplayName("A post's variants through the REST API")
class PostVariantsApiTest {
  private static final String POST_ID = "6f1c2b1e-6a53-4a6e-9a55-0d6f0b1f3c11";
  private static final Instant AT = Instant.parse("2026-11-24T08:00:00Z");

  private final List<VariantsQuery> queries = new CopyOnWriteArrayList<>();

  @Test
  @DisplayName("GET /api/v1/posts/{id}/variants lists every variant with its angle, the chosen and the published one")
  void listsVariants(Vertx vertx, VertxTestContext ctx) {
    vertx.eventBus().<VariantsQuery>consumer(Addresses.PIPELINE_VARIANTS, request -> {
      queries.add(request.body());
      request.reply(new PostVariants(request.body().postId(), List.of(
          new PostVariant(1, "story", "It started with a question.", "offline", "offline-v2", true, AT, AT),
          new PostVariant(2, "question", "Have you tried it yet?", "offline", "offline-v2", false, null, AT))));
    });
    start(vertx)
        .compose(client -> client.get("/api/v1/posts/" + POST_ID + "/variants").send())
        .onComplete(ctx.succeeding(response -> ctx.verify(() -> {
          assertThat(response.statusCode()).isEqualTo(200);
          assertThat(response.getHeader("Content-Type")).startsWith("application/json");
          assertThat(queries).containsExactly(new VariantsQuery(POST_ID));
          JsonObject body = response.bodyAsJsonObject();
          assertThat(body.getString("postId")).isEqualTo(POST_ID);
          JsonArray items = body.getJsonArray("items");
          assertThat(items).hasSize(2);
          JsonObject first = items.getJsonObject(0);
          assertThat(first.getInteger("variant")).isEqualTo(1);
          assertThat(first.getString("angle")).isEqualTo("story");
          assertThat(first.getBoolean("chosen")).isTrue();
          assertThat(first.getString("publishedAt")).isEqualTo("2026-11-24T08:00:00Z");
          assertThat(first.fieldNames()).contains("text", "provider", "model", "createdAt");
          assertThat(items.getJsonObject(1).getValue("publishedAt")).isNull();
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("an id that is not a UUID is a 400 problem naming the id, without asking the pipeline")
  void malformedIdIsRefused(Vertx vertx, VertxTestContext ctx) {
    start(vertx)
        .compose(client -> client.get("/api/v1/posts/not-a-uuid/variants").send())
        .onComplete(ctx.succeeding(response -> ctx.verify(() -> {
          assertThat(response.statusCode()).isEqualTo(400);
          assertThat(response.getHeader("Content-Type")).isEqualTo("application/problem+json");
          assertThat(response.bodyAsJsonObject().getJsonArray("errors").getJsonObject(0).getString("field"))
              .isEqualTo("id");
          assertThat(queries).isEmpty();
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("a post the pipeline does not know is a 404 problem")
  void unknownPostIsNotFound(Vertx vertx, VertxTestContext ctx) {
    vertx.eventBus().<VariantsQuery>consumer(Addresses.PIPELINE_VARIANTS, request ->
        ChorusError.of(ErrorCode.NOT_FOUND, "there is no post " + POST_ID).failReply(request));
    start(vertx)
        .compose(client -> client.get("/api/v1/posts/" + POST_ID + "/variants").send())
        .onComplete(ctx.succeeding(response -> ctx.verify(() -> {
          assertThat(response.statusCode()).isEqualTo(404);
          assertThat(response.getHeader("Content-Type")).isEqualTo("application/problem+json");
          ctx.completeNow();
        })));
  }

  private static Future<WebClient> start(Vertx vertx) {
    return WebTestSupport.deploy(vertx, WebTestSupport.config()).map(web -> WebTestSupport.client(vertx, web));
  }
}
