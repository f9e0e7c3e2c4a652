package io.chorus.content;

import static org.assertj.core.api.Assertions.assertThat;

import io.chorus.content.image.ImageFacts;
import io.chorus.content.image.ImageVerticle;
import io.chorus.contracts.Addresses;
import io.chorus.contracts.ChorusError;
import io.chorus.contracts.Contracts;
import io.chorus.contracts.ErrorCode;
import io.chorus.contracts.Platform;
import io.chorus.contracts.content.ImageRequest;
import io.chorus.contracts.content.MediaFile;
import io.chorus.contracts.content.MediaQuery;
import io.chorus.contracts.content.StoredImage;
import io.chorus.simulator.Simulator;
import io.chorus.simulator.SimulatorOptions;
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
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@Timeout(value = 60, timeUnit = TimeUnit.SECONDS)
@DisplayName("Post images: taken from the campaign's media library or generated, stored and served")
class ImagesTest {
  private static final String PROMPT = "A bag of coffee beside a steaming cup";

  private TestDatabase database;
  private Simulator simulator;
  private Pool pool;

  @BeforeEach
  void setUp(Vertx vertx, VertxTestContext ctx) {
    Contracts.registerCodecs(vertx);
    database = TestDatabase.createSchema(getClass());
    JsonObject base = new JsonObject().put("database", database.databaseConfig());
    pool = Database.pool(vertx, DatabaseOptions.fromConfig(base));
    Database.migrate(vertx, DatabaseOptions.fromConfig(base))
        .compose(migrated -> Simulator.create(vertx, new SimulatorOptions().setImagesPerMinute(2)).listen())
        .onComplete(ctx.succeeding(started -> {
          simulator = started;
          ctx.completeNow();
        }));
  }

  @AfterEach
  void tearDown(Vertx vertx, VertxTestContext ctx) {
    vertx.close().onComplete(closed -> {
      database.close();
      ctx.completeNow();
    });
  }

  private Future<String> deploy(Vertx vertx, String provider) {
    JsonObject config = new JsonObject()
        .put("database", database.databaseConfig())
        .put("circuitBreaker", new JsonObject().put("maxFailures", 5).put("resetMs", 30000))
        .put("media", new JsonObject().put("baseUrl", simulator.baseUrl() + "/media"))
        .put("content", new JsonObject().put("images", new JsonObject()
            .put("provider", provider)
            .put("openai", new JsonObject().put("baseUrl", simulator.baseUrl() + "/openai").put("apiKey", "sk-test"))
            .put("stability", new JsonObject().put("baseUrl", simulator.baseUrl() + "/stability")
                .put("apiKey", "sk-test").put("aspectRatio", "4:5"))));
    return vertx.deployVerticle(new ImageVerticle(), new DeploymentOptions().setConfig(config));
  }

  private static Future<StoredImage> image(Vertx vertx, String prompt, List<String> library, long seed) {
    return vertx.eventBus().<StoredImage>request(Addresses.CONTENT_IMAGE,
        new ImageRequest("post-" + seed, "northwind", "autumn", Platform.INSTAGRAM, prompt, library, seed))
        .map(reply -> reply.body());
  }

  private Future<Row> row(String mediaId) {
    return pool.preparedQuery("SELECT brand_id, campaign_id, source, name, prompt, content_type, width, height, bytes,"
            + " sha256, content FROM media WHERE id = $1::uuid")
        .execute(io.vertx.sqlclient.Tuple.of(mediaId)).map(rows -> rows.iterator().next());
  }

  @Test
  @DisplayName("with no generator, a campaign media file is imported once, with its facts, and served back byte for byte")
  void libraryFileImportedOnce(Vertx vertx, VertxTestContext ctx) {
    List<String> library = List.of("autumn-harvest-1.jpg", "autumn-harvest-2.jpg");
    deploy(vertx, "none")
        .compose(id -> image(vertx, PROMPT, library, 4))
        .compose(first -> image(vertx, PROMPT, library, 6).map(again -> List.of(first, again)))
        .compose(both -> {
          ctx.verify(() -> {
            assertThat(both.get(1).mediaId()).isEqualTo(both.get(0).mediaId());
            StoredImage image = both.get(0);
            assertThat(image.source()).isEqualTo("library");
            assertThat(image.contentType()).isEqualTo("image/jpeg");
            assertThat(image.width()).isEqualTo(320);
            assertThat(image.height()).isEqualTo(320);
          });
          return Future.all(row(both.get(0).mediaId()),
              vertx.eventBus().<MediaFile>request(Addresses.CONTENT_MEDIA, new MediaQuery(both.get(0).mediaId())),
              pool.query("SELECT count(*) FROM media").execute()).map(all -> List.<Object>of(both.get(0),
              all.resultAt(0), ((io.vertx.core.eventbus.Message<?>) all.resultAt(1)).body(),
              ((io.vertx.sqlclient.RowSet<Row>) all.resultAt(2)).iterator().next().getLong(0)));
        })
        .onComplete(ctx.succeeding(all -> ctx.verify(() -> {
          StoredImage image = (StoredImage) all.get(0);
          Row row = (Row) all.get(1);
          MediaFile file = (MediaFile) all.get(2);
          byte[] stored = row.getBuffer("content").getBytes();
          assertThat(row.getString("name")).isEqualTo("autumn-harvest-1.jpg");
          assertThat(row.getString("brand_id")).isEqualTo("northwind");
          assertThat(row.getString("campaign_id")).isEqualTo("autumn");
          assertThat(row.getString("prompt")).isNull();
          assertThat(row.getInteger("bytes")).isEqualTo(stored.length).isEqualTo(image.bytes());
          assertThat(ImageFacts.of(stored).sha256()).isEqualTo(image.sha256()).isEqualTo(file.sha256());
          assertThat(Base64.getDecoder().decode(file.base64())).isEqualTo(stored);
          assertThat(all.get(3)).isEqualTo(1L);
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("with OpenAI configured, an image prompt is drawn by the images API and stored with its prompt")
  void openAiDrawsThePrompt(Vertx vertx, VertxTestContext ctx) {
    deploy(vertx, "openai")
        .compose(id -> image(vertx, PROMPT, List.of("autumn-harvest-1.jpg"), 1))
        .compose(image -> row(image.mediaId()).map(row -> List.<Object>of(image, row)))
        .onComplete(ctx.succeeding(all -> ctx.verify(() -> {
          StoredImage image = (StoredImage) all.get(0);
          Row row = (Row) all.get(1);
          assertThat(image.source()).isEqualTo("openai");
          assertThat(image.contentType()).isEqualTo("image/jpeg");
          assertThat(image.width()).isEqualTo(1024);
          assertThat(image.height()).isEqualTo(1024);
          assertThat(row.getString("prompt")).isEqualTo(PROMPT);
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("with Stability configured, the image comes in the configured aspect ratio; past its quota the answer is RATE_LIMITED, retryable")
  void stabilityDrawsAndRateLimits(Vertx vertx, VertxTestContext ctx) {
    deploy(vertx, "stability")
        .compose(id -> image(vertx, PROMPT, List.of(), 1))
        .compose(first -> image(vertx, PROMPT, List.of(), 2).map(second -> first))
        .compose(first -> image(vertx, PROMPT, List.of(), 3).transform(third -> Future.succeededFuture(
            List.<Object>of(first, third.failed() ? third.cause() : "no failure"))))
        .onComplete(ctx.succeeding(all -> ctx.verify(() -> {
          StoredImage image = (StoredImage) all.get(0);
          assertThat(image.source()).isEqualTo("stability");
          assertThat(image.width()).isEqualTo(896);
          assertThat(image.height()).isEqualTo(1088);
          assertThat(all.get(1)).isInstanceOf(Throwable.class);
          ChorusError error = ChorusError.from((Throwable) all.get(1));
          assertThat(error.code()).isEqualTo(ErrorCode.RATE_LIMITED);
          assertThat(error.retryable()).isTrue();
          assertThat(error.message()).contains("429");
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("a library file the library does not have is NOT_FOUND, and a campaign with no media and no generator is INVALID_REQUEST")
  void missingSourcesAreRefused(Vertx vertx, VertxTestContext ctx) {
    deploy(vertx, "none")
        .compose(id -> image(vertx, null, List.of("clip.gif"), 1).transform(missing ->
            image(vertx, PROMPT, List.of(), 1).transform(nothing -> Future.succeededFuture(
                List.of(missing.cause(), nothing.cause())))))
        .onComplete(ctx.succeeding(failures -> ctx.verify(() -> {
          assertThat(ChorusError.from(failures.get(0)).code()).isEqualTo(ErrorCode.NOT_FOUND);
          ChorusError none = ChorusError.from(failures.get(1));
          assertThat(none.code()).isEqualTo(ErrorCode.INVALID_REQUEST);
          assertThat(none.message()).contains("content.images.provider");
          ctx.completeNow();
        })));
  }
}
