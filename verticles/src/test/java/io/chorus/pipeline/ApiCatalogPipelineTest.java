package io.chorus.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.chorus.contracts.Addresses;
import io.chorus.contracts.ChorusError;
import io.chorus.contracts.Contracts;
import io.chorus.contracts.ErrorCode;
import io.chorus.contracts.Platform;
import io.chorus.contracts.PostState;
import io.chorus.contracts.content.GenerateRequest;
import io.chorus.contracts.content.GeneratedContent;
import io.chorus.contracts.pipeline.PostCreate;
import io.chorus.contracts.pipeline.PostCursor;
import io.chorus.contracts.pipeline.PostPage;
import io.chorus.contracts.pipeline.PostQuery;
import io.chorus.contracts.pipeline.PostView;
import io.chorus.contracts.platform.OptimizeRequest;
import io.chorus.contracts.platform.OptimizedContent;
import io.chorus.contracts.platform.PublishRequest;
import io.chorus.contracts.platform.PublishResult;
import io.chorus.contracts.tenants.CampaignCalendar;
import io.chorus.contracts.tenants.CampaignRequest;
import io.chorus.contracts.tenants.CatalogAction;
import io.chorus.leader.TeamLeaderVerticle;
import io.chorus.pipeline.publishing.PublisherVerticle;
import io.chorus.pipeline.workflow.WorkflowVerticle;
import io.chorus.storage.Database;
import io.chorus.storage.DatabaseOptions;
import io.chorus.tenants.catalog.CatalogVerticle;
import io.chorus.testkit.TestDatabase;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@Timeout(value = 90, timeUnit = TimeUnit.SECONDS)
@DisplayName("The pipeline takes the catalog's campaigns and posts written through the API like its own")
class ApiCatalogPipelineTest {
  private TestDatabase database;
  private JsonObject config;
  private Pool pool;
  /** What the stand-in agents were asked to publish, by post id. */
  private final Map<String, PublishRequest> published = new ConcurrentHashMap<>();

  @BeforeEach
  void setUp(Vertx vertx, VertxTestContext ctx) {
    Contracts.registerCodecs(vertx);
    database = TestDatabase.createSchema(getClass());
    config = PipelineFixture.config(database, 2, 1)
        .put("leader", new JsonObject().put("planIntervalMs", 200).put("planHorizonSeconds", 60));
    pool = Database.pool(vertx, DatabaseOptions.fromConfig(config));
    standIns(vertx.eventBus());
    DeploymentOptions options = new DeploymentOptions().setConfig(config);
    Database.migrate(vertx, DatabaseOptions.fromConfig(config))
        .compose(migrated -> vertx.deployVerticle(new PipelineVerticle(), options))
        .compose(deployed -> vertx.deployVerticle(new CatalogVerticle(), options))
        // A second brand, so that rows can be another brand's.
        .compose(deployed -> sql("INSERT INTO brands (id, name, managed_by) VALUES ('globex', 'Globex', 'api'); "
            + "INSERT INTO accounts (id, brand_id, platform, handle, external_id, managed_by) "
            + "VALUES ('globex-x', 'globex', 'x', '@globex', '2002', 'api'), "
            + "('acme-instagram', 'acme', 'instagram', 'acme', '17841', 'api'), "
            + "('acme-paused', 'acme', 'x', '@acme2', '1003', 'api'); "
            + "UPDATE accounts SET status = 'PAUSED' WHERE id = 'acme-paused'"))
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
  @DisplayName("a campaign created through the API gets its posts planned by the Team Leader, as the configured one does")
  void apiCampaignIsPlanned(Vertx vertx, VertxTestContext ctx) {
    vertx.eventBus().request(Addresses.TENANTS_CAMPAIGNS, new CampaignRequest(CatalogAction.CREATE, "acme", "autumn",
            "Autumn", "Leaves fall.", List.of("crisp"), List.of("#Autumn"), null, List.of(Platform.LINKEDIN),
            new CampaignCalendar(3600, null, null, 1), "ana"))
        .compose(created -> vertx.deployVerticle(new TeamLeaderVerticle(), new DeploymentOptions().setConfig(config)))
        .compose(leading -> PipelineDb.waitUntil(vertx, () -> sql(
            "SELECT count(*) FILTER (WHERE campaign_id = 'autumn') AS api, "
                + "count(*) FILTER (WHERE campaign_id = 'launch') AS configured FROM posts")
            .map(row -> row.getLong("api") == 1 && row.getLong("configured") == 4)))
        .compose(planned -> sql("SELECT account_id, platform, state FROM posts WHERE campaign_id = 'autumn'"))
        .onComplete(ctx.succeeding(row -> ctx.verify(() -> {
          assertThat(row.getString("account_id")).isEqualTo("acme-linkedin");
          assertThat(row.getString("state")).isIn("PLANNED", "GENERATED");
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("a post written through the API is fitted, reviewed, scheduled and published with its own media, its history naming who wrote it")
  void apiPostGoesThrough(Vertx vertx, VertxTestContext ctx) {
    Instant later = Instant.now().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
    DeploymentOptions options = new DeploymentOptions().setConfig(config);
    vertx.deployVerticle(new WorkflowVerticle(), options)
        .compose(id -> vertx.deployVerticle(new PublisherVerticle(), options))
        .compose(deployed -> Future.all(
            create(vertx, new PostCreate("acme", "acme-x", "launch", "Written by hand", "https://cdn.example/cup.jpg",
                null, "token:partner")),
            create(vertx, new PostCreate("acme", "acme-x", null, "For later", null, later, "ana"))))
        .compose(created -> {
          PostView now = created.resultAt(0);
          PostView afterwards = created.resultAt(1);
          ctx.verify(() -> {
            assertThat(now.state()).isEqualTo(PostState.GENERATED);
            assertThat(now.text()).isEqualTo("Written by hand");
            assertThat(now.campaignId()).isEqualTo("launch");
            assertThat(afterwards.campaignId()).isNull();
          });
          return PipelineDb.waitUntil(vertx, () -> PipelineDb.isIn(pool, now.id(), PostState.PUBLISHED)
                  .compose(done -> PipelineDb.isIn(pool, afterwards.id(), PostState.SCHEDULED).map(s -> done && s)))
              .compose(done -> Future.all(PipelineDb.post(pool, now.id()), PipelineDb.post(pool, afterwards.id())));
        })
        .onComplete(ctx.succeeding(rows -> ctx.verify(() -> {
          Row now = rows.resultAt(0);
          Row afterwards = rows.resultAt(1);
          assertThat(now.getString("path")).isEqualTo("GENERATED:written by token:partner through the API>OPTIMIZED"
              + ">IN_REVIEW>APPROVED:approved automatically>SCHEDULED>PUBLISHING>PUBLISHED");
          assertThat(now.getString("text")).isEqualTo("Written by hand #fit");
          assertThat(now.getString("written_by")).isEqualTo("token:partner");
          PublishRequest sent = published.get(now.getUUID("id").toString());
          assertThat(sent.mediaUrls()).containsExactly("https://cdn.example/cup.jpg");
          // The time asked for, not the campaign's window nor the best time around it.
          assertThat(afterwards.getOffsetDateTime("scheduled_at").toInstant()).isEqualTo(later);
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("the account and the campaign must be the brand's, a paused account takes no post, and Instagram needs media")
  void refusesWhatIsNotTheBrands(Vertx vertx, VertxTestContext ctx) {
    Future.all(List.of(
            failureOf(create(vertx, new PostCreate("acme", "globex-x", null, "Hi", null, null, "ana"))),
            failureOf(create(vertx, new PostCreate("globex", "globex-x", "launch", "Hi", null, null, "ana"))),
            failureOf(create(vertx, new PostCreate("acme", "acme-paused", null, "Hi", null, null, "ana"))),
            failureOf(create(vertx, new PostCreate("acme", "acme-instagram", null, "Hi", null, null, "ana"))),
            failureOf(create(vertx, new PostCreate("nobody", "acme-x", null, "Hi", null, null, "ana"))),
            failureOf(create(vertx, new PostCreate("acme", "acme-x", null, " ", null, null, "ana")))))
        .compose(refused -> sql("SELECT count(*) AS posts FROM posts").map(row -> {
          ctx.verify(() -> {
            List<ChorusError> errors = refused.list();
            assertThat(errors).extracting(ChorusError::code).containsExactly(ErrorCode.INVALID_REQUEST,
                ErrorCode.INVALID_REQUEST, ErrorCode.CONFLICT, ErrorCode.INVALID_REQUEST, ErrorCode.INVALID_REQUEST,
                ErrorCode.INVALID_REQUEST);
            assertThat(errors.get(0).message()).startsWith("accountId: ");
            assertThat(errors.get(1).message()).startsWith("campaignId: ");
            assertThat(errors.get(2).message()).contains("paused");
            assertThat(errors.get(3).message()).startsWith("mediaUrl: ");
            assertThat(errors.get(4).message()).startsWith("brandId: ");
            assertThat(errors.get(5).message()).startsWith("text: ");
            assertThat(row.getLong("posts")).isZero();
          });
          return row;
        }))
        .onComplete(ctx.succeedingThenComplete());
  }

  @Test
  @DisplayName("the post list walked page by page with its cursor sees every post once while new ones are created")
  void cursorWalksEveryPostOnce(Vertx vertx, VertxTestContext ctx) {
    List<Future<PostView>> seeded = new ArrayList<>();
    for (int i = 0; i < 17; i++) {
      seeded.add(create(vertx, new PostCreate("acme", "acme-x", i % 2 == 0 ? "launch" : null, "Seed " + i, null,
          null, "ana")));
    }
    seeded.add(create(vertx, new PostCreate("globex", "globex-x", null, "Another brand's", null, null, "ana")));
    List<String> walked = new ArrayList<>();
    Future.all(seeded)
        .compose(all -> walk(vertx, new PostQuery(null, null, 4, "acme", null, null), walked, 0))
        .compose(pages -> {
          ctx.verify(() -> {
            assertThat(pages).isEqualTo(5);
            assertThat(walked).hasSize(17).doesNotHaveDuplicates();
            Set<String> acme = new HashSet<>();
            seeded.subList(0, 17).forEach(post -> acme.add(post.result().id()));
            assertThat(walked).containsExactlyInAnyOrderElementsOf(acme);
          });
          return vertx.eventBus().<PostPage>request(Addresses.PIPELINE_QUERY,
              new PostQuery(PostState.GENERATED, Platform.X, 50, "acme", "launch", null));
        })
        .compose(campaignPage -> {
          ctx.verify(() -> {
            assertThat(campaignPage.body().items()).hasSize(9).allMatch(post -> "launch".equals(post.campaignId()));
            assertThat(campaignPage.body().next()).isNull();
          });
          return failureOf(vertx.eventBus().request(Addresses.PIPELINE_QUERY,
              new PostQuery(null, null, 4, null, null, new PostCursor(Instant.now(), "not-a-post"))));
        })
        .onComplete(ctx.succeeding(badCursor -> ctx.verify(() -> {
          assertThat(badCursor.code()).isEqualTo(ErrorCode.INVALID_REQUEST);
          assertThat(badCursor.message()).startsWith("cursor: ");
          ctx.completeNow();
        })));
  }

  /** Walks every page, creating a post before each next one; the future holds the number of pages. */
  private Future<Integer> walk(Vertx vertx, PostQuery query, List<String> walked, int pages) {
    return vertx.eventBus().<PostPage>request(Addresses.PIPELINE_QUERY, query).compose(reply -> {
      PostPage page = reply.body();
      page.items().forEach(post -> walked.add(post.id()));
      if (page.next() == null) {
        return Future.succeededFuture(pages + 1);
      }
      PostQuery next = new PostQuery(query.state(), query.platform(), query.limit(), query.brandId(),
          query.campaignId(), page.next());
      return create(vertx, new PostCreate("acme", "acme-x", null, "Newer " + pages, null, null, "ana"))
          .compose(created -> walk(vertx, next, walked, pages + 1));
    });
  }

  private Future<PostView> create(Vertx vertx, PostCreate post) {
    return vertx.eventBus().<PostView>request(Addresses.PIPELINE_CREATE, post).map(Message::body);
  }

  private static <T> Future<ChorusError> failureOf(Future<T> outcome) {
    return outcome.transform(ar -> ar.succeeded()
        ? Future.failedFuture(new AssertionError("expected a failure, got " + ar.result()))
        : Future.succeededFuture(ChorusError.from(ar.cause())));
  }

  private Future<Row> sql(String sql) {
    return pool.query(sql).execute().map(rows -> {
      // A multi-statement query answers with the last statement's rows.
      var last = rows;
      while (last.next() != null) {
        last = last.next();
      }
      return last.iterator().hasNext() ? last.iterator().next() : null;
    });
  }

  private void standIns(EventBus bus) {
    bus.<GenerateRequest>consumer(Addresses.CONTENT_GENERATE, m ->
        m.reply(new GeneratedContent("Planned for " + m.body().platform().id(), "test", "test", 0, 0, 0)));
    for (Platform platform : List.of(Platform.X, Platform.LINKEDIN)) {
      bus.<OptimizeRequest>consumer(platform.address(Addresses.OPTIMIZE), m -> {
        String text = m.body().text() + " #fit";
        m.reply(new OptimizedContent(text, text.length(), 280, false));
      });
      bus.<PublishRequest>consumer(platform.address(Addresses.PUBLISH), m -> {
        published.put(m.body().postId(), m.body());
        m.reply(new PublishResult(m.body().postId(), "ext-" + m.body().postId(), Instant.now()));
      });
    }
  }
}
