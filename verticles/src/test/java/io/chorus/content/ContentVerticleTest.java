package io.chorus.content;

import static org.assertj.core.api.Assertions.assertThat;

import io.chorus.content.offline.OfflineGenerator;
import io.chorus.contracts.Addresses;
import io.chorus.contracts.ChorusError;
import io.chorus.contracts.Contracts;
import io.chorus.contracts.ErrorCode;
import io.chorus.contracts.Platform;
import io.chorus.contracts.content.GenerateRequest;
import io.chorus.contracts.content.GeneratedContent;
import io.chorus.storage.Database;
import io.chorus.storage.DatabaseOptions;
import io.chorus.testkit.TestDatabase;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class ContentVerticleTest {
  private static final long SEED = 42L;

  private TestDatabase database;

  @BeforeEach
  void deploy(Vertx vertx, VertxTestContext ctx) {
    Contracts.registerCodecs(vertx);
    database = TestDatabase.createSchema(getClass());
    JsonObject config = new JsonObject()
        .put("database", database.databaseConfig())
        .put("content", new JsonObject().put("offline", new JsonObject().put("seed", SEED)));
    Database.migrate(vertx, DatabaseOptions.fromConfig(config))
        .compose(version -> vertx.deployVerticle(new ContentVerticle(), new DeploymentOptions().setConfig(config)))
        .onComplete(ctx.succeedingThenComplete());
  }

  @AfterEach
  void dropSchema() {
    database.close();
  }

  @Test
  @DisplayName("with no provider configured, a generate request is answered with offline text written with the configured seed")
  void generateRequestGetsOfflineText(Vertx vertx, VertxTestContext ctx) {
    GenerateRequest request = DemoCampaign.request(Platform.LINKEDIN, 5);
    vertx.eventBus().<GeneratedContent>request(Addresses.CONTENT_GENERATE, request)
        .onComplete(ctx.succeeding(reply -> ctx.verify(() -> {
          GeneratedContent content = reply.body();
          assertThat(content.provider()).isEqualTo("offline");
          assertThat(content.model()).isEqualTo(OfflineGenerator.MODEL);
          assertThat(content.text()).isEqualTo(OfflineGenerator.create(SEED).write(request));
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("a request without a brief is refused as INVALID_REQUEST naming the brief")
  void missingBriefIsInvalid(Vertx vertx, VertxTestContext ctx) {
    GenerateRequest noBrief = new GenerateRequest("p1", "northwind", "autumn-harvest", Platform.X, null,
        null, List.of(), List.of(), List.of(), null, 1, null);
    expectInvalid(vertx, ctx, noBrief, "brief");
  }

  @Test
  @DisplayName("a request without a platform is refused as INVALID_REQUEST naming the platform")
  void missingPlatformIsInvalid(Vertx vertx, VertxTestContext ctx) {
    GenerateRequest noPlatform = new GenerateRequest("p1", "northwind", "autumn-harvest", null,
        DemoCampaign.BRIEF, null, List.of(), List.of(), List.of(), null, 1, null);
    expectInvalid(vertx, ctx, noPlatform, "platform");
  }

  @Test
  @DisplayName("the offline seed is read from content.offline.seed, with a default when the section is absent")
  void offlineSeedComesFromConfig() {
    JsonObject config = new JsonObject().put("content", new JsonObject().put("offline", new JsonObject().put("seed", 9)));
    assertThat(ContentConfig.fromJson(config).offlineSeed()).isEqualTo(9L);
    assertThat(ContentConfig.fromJson(new JsonObject()).offlineSeed()).isEqualTo(ContentConfig.DEFAULT_OFFLINE_SEED);
  }

  private static void expectInvalid(Vertx vertx, VertxTestContext ctx, GenerateRequest request, String field) {
    vertx.eventBus().request(Addresses.CONTENT_GENERATE, request)
        .onComplete(ctx.failing(failure -> ctx.verify(() -> {
          ChorusError error = ChorusError.from(failure);
          assertThat(error.code()).isEqualTo(ErrorCode.INVALID_REQUEST);
          assertThat(error.retryable()).isFalse();
          assertThat(error.message()).contains(field);
          ctx.completeNow();
        })));
  }
}
