package io.chorus.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.chorus.content.ContentVerticle;
import io.chorus.contracts.Addresses;
import io.chorus.contracts.ChorusError;
import io.chorus.contracts.Contracts;
import io.chorus.contracts.ErrorCode;
import io.chorus.contracts.Platform;
import io.chorus.contracts.pipeline.PostVariant;
import io.chorus.contracts.pipeline.PostVariants;
import io.chorus.contracts.pipeline.VariantsQuery;
import io.chorus.contracts.platform.OptimizeRequest;
import io.chorus.contracts.platform.OptimizedContent;
import io.chorus.contracts.platform.PublishRequest;
import io.chorus.contracts.platform.PublishResult;
import io.chorus.pipeline.publishing.PublisherVerticle;
import io.chorus.pipeline.workflow.WorkflowVerticle;
import io.chorus.storage.Database;
import io.chorus.storage.DatabaseOptions;
import io.chorus.testkit.TestDatabase;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@Timeout(value = 60, timeUnit = TimeUnit.SECONDS)
@DisplayName("A/B variants: several angles per post, the chosen one published and recorded")
class PostVariantsTest {
  private TestDatabase database;
  private JsonObject config;
  private Pool pool;

  @BeforeEach
  void setUp(Vertx vertx, VertxTestContext ctx) {
    Contracts.registerCodecs(vertx);
    database = TestDatabase.createSchema(getClass());
    config = PipelineFixture.config(database, 2, 1)
        .put("content", new JsonObject().put("offline", new JsonObject().put("seed", 5)).put("variants", 3));
    pool = Database.pool(vertx, DatabaseOptions.fromConfig(config));
    standInPlatforms(vertx);
    DeploymentOptions options = new DeploymentOptions().setConfig(config);
    Database.migrate(vertx, DatabaseOptions.fromConfig(config))
        .compose(migrated -> vertx.deployVerticle(new ContentVerticle(), options))
        .compose(id -> vertx.deployVerticle(new PipelineVerticle(), options))
        .onComplete(ctx.succeedingThenComplete());
  }

  @AfterEach
  void tearDown(Vertx vertx, VertxTestContext ctx) {
    vertx.close().onComplete(closed -> {
      database.close();
      ctx.completeNow();
    });
  }

  @Test
  @DisplayName("each post gets three variants with three angles; variant 1 is its text and is marked published")
  void variantsAreStoredChosenAndPublished(Vertx vertx, VertxTestContext ctx) {
    DeploymentOptions options = new DeploymentOptions().setConfig(config);
    vertx.deployVerticle(new WorkflowVerticle(), options)
        .compose(id -> vertx.deployVerticle(new PublisherVerticle(), options))
        .compose(deployed -> PipelineDb.plan(vertx))
        .compose(planned -> PipelineDb.waitUntil(vertx, () -> pool.query(
                "SELECT count(*) FROM posts WHERE state = 'PUBLISHED'").execute()
            .map(rows -> rows.iterator().next().getLong(0) == 4L))
            .map(published -> planned.postIds()))
        .compose(postIds -> pool.query("""
                SELECT p.id, p.text AS post_text, v.variant, v.angle, v.text, v.provider, v.model, v.chosen,
                       v.published_at, v.brand_id
                FROM posts p JOIN post_variants v ON v.post_id = p.id ORDER BY p.id, v.variant
                """).execute().map(rows -> {
              List<Row> all = new ArrayList<>();
              rows.forEach(all::add);
              return all;
            }).compose(rows -> {
              ctx.verify(() -> {
                assertThat(rows).hasSize(12);
                for (String postId : postIds) {
                  List<Row> ofPost = rows.stream().filter(r -> r.getUUID("id").toString().equals(postId)).toList();
                  assertThat(ofPost).extracting(r -> r.getInteger("variant")).containsExactly(1, 2, 3);
                  assertThat(ofPost.stream().map(r -> r.getString("angle")).collect(Collectors.toSet())).hasSize(3);
                  assertThat(ofPost.stream().map(r -> r.getString("text")).collect(Collectors.toSet())).hasSize(3);
                  assertThat(ofPost).allMatch(r -> "offline".equals(r.getString("provider"))
                      && r.getString("model").startsWith("offline") && "acme".equals(r.getString("brand_id")));
                  Row chosen = ofPost.get(0);
                  assertThat(chosen.getBoolean("chosen")).isTrue();
                  assertThat(chosen.getString("text")).isEqualTo(chosen.getString("post_text"));
                  assertThat(chosen.getOffsetDateTime("published_at")).isNotNull();
                  assertThat(ofPost.subList(1, 3)).allMatch(r -> !r.getBoolean("chosen") && r.getValue("published_at") == null);
                }
              });
              return vertx.eventBus().<PostVariants>request(Addresses.PIPELINE_VARIANTS, new VariantsQuery(postIds.get(0)))
                  .map(reply -> reply.body());
            }))
        .onComplete(ctx.succeeding(variants -> ctx.verify(() -> {
          assertThat(variants.items()).extracting(PostVariant::variant).containsExactly(1, 2, 3);
          assertThat(variants.items().get(0).chosen()).isTrue();
          assertThat(variants.items().get(0).publishedAt()).isNotNull();
          assertThat(variants.items().get(1).publishedAt()).isNull();
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("asking for the variants of a post that does not exist fails with NOT_FOUND")
  void unknownPostIsNotFound(Vertx vertx, VertxTestContext ctx) {
    vertx.eventBus().request(Addresses.PIPELINE_VARIANTS, new VariantsQuery(UUID.randomUUID().toString()))
        .onComplete(ctx.failing(failure -> ctx.verify(() -> {
          assertThat(ChorusError.from(failure).code()).isEqualTo(ErrorCode.NOT_FOUND);
          ctx.completeNow();
        })));
  }

  private static void standInPlatforms(Vertx vertx) {
    for (Platform platform : Set.of(Platform.X, Platform.LINKEDIN)) {
      vertx.eventBus().<OptimizeRequest>consumer(platform.address(Addresses.OPTIMIZE), m ->
          m.reply(new OptimizedContent(m.body().text(), m.body().text().length(), 3000, false)));
      vertx.eventBus().<PublishRequest>consumer(platform.address(Addresses.PUBLISH), m ->
          m.reply(new PublishResult(m.body().postId(), "ext-" + m.body().postId(), Instant.now())));
    }
  }

}
