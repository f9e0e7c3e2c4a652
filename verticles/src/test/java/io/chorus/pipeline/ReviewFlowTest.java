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
import io.chorus.contracts.pipeline.PlanRequest;
import io.chorus.contracts.pipeline.PlanResult;
import io.chorus.contracts.pipeline.PostEvent;
import io.chorus.contracts.pipeline.PostHistory;
import io.chorus.contracts.pipeline.PostHistoryQuery;
import io.chorus.contracts.pipeline.PostView;
import io.chorus.contracts.pipeline.ReviewDecision;
import io.chorus.contracts.platform.OptimizeRequest;
import io.chorus.contracts.platform.OptimizedContent;
import io.chorus.pipeline.workflow.WorkflowVerticle;
import io.chorus.storage.Database;
import io.chorus.storage.DatabaseOptions;
import io.chorus.testkit.TestDatabase;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@Timeout(value = 60, timeUnit = TimeUnit.SECONDS)
@DisplayName("Reviewing posts by brand rules, automatically or by a person")
class ReviewFlowTest {
  private static final String CLEAN_TEXT = "Meet the new Acme kettle, quiet and quick #Acme";

  private TestDatabase database;
  private Pool pool;
  /** What the stand-in Content verticle writes for every post. */
  private volatile String generatedText = CLEAN_TEXT;

  @BeforeEach
  void setUp(Vertx vertx) {
    Contracts.registerCodecs(vertx);
    database = TestDatabase.createSchema(getClass());
    vertx.eventBus().<GenerateRequest>consumer(Addresses.CONTENT_GENERATE, m ->
        m.reply(new GeneratedContent(generatedText, "test", "test", 0, 0, 0)));
    vertx.eventBus().<OptimizeRequest>consumer(Platform.X.address(Addresses.OPTIMIZE), m ->
        m.reply(new OptimizedContent(m.body().text(), m.body().text().length(), 280, false)));
  }

  @AfterEach
  void tearDown(Vertx vertx, VertxTestContext ctx) {
    // Stop the verticles before their schema goes away.
    vertx.close().onComplete(closed -> {
      database.close();
      ctx.completeNow();
    });
  }

  @Test
  @DisplayName("a post that keeps every rule of an automatic brand is approved automatically and scheduled")
  void automaticApproval(Vertx vertx, VertxTestContext ctx) {
    start(vertx, brand -> { })
        .compose(started -> planOnePost(vertx))
        .compose(id -> waitForState(vertx, id, PostState.SCHEDULED).compose(done -> history(id)))
        .onComplete(ctx.succeeding(history -> ctx.verify(() -> {
          assertThat(history).containsExactly("PLANNED", "GENERATED", "OPTIMIZED", "IN_REVIEW",
              "APPROVED: approved automatically", "SCHEDULED");
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("a post breaking several rules is rejected with every violation explained")
  void violationsReject(Vertx vertx, VertxTestContext ctx) {
    generatedText = "Damn, this forbidden deal at https://elsewhere.example #a #b #c";
    start(vertx, brand -> brand.put("allowedLinkDomains", new JsonArray().add("acme.example")).put("maxHashtags", 2))
        .compose(started -> planOnePost(vertx))
        .compose(id -> waitForState(vertx, id, PostState.REJECTED).compose(done -> post(id)))
        .onComplete(ctx.succeeding(post -> ctx.verify(() -> {
          assertThat(post.lastError()).isEqualTo(String.join("; ",
              "banned-words: uses the banned word \"forbidden\"",
              "profanity: uses the profane word \"damn\"",
              "link-domains: links to elsewhere.example, which is not an allowed domain (allowed: acme.example)",
              "hashtag-limit: has 3 hashtags (#a, #b, #c); the brand allows at most 2"));
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("a human brand's post waits in review, once looked at; a person's approval is audited and it is scheduled")
  void humanApproval(Vertx vertx, VertxTestContext ctx) {
    startHuman(vertx)
        .compose(started -> planOnePost(vertx))
        .compose(id -> waitUntilAwaitingApproval(vertx, id)
            .compose(waiting -> vertx.timer(300))
            .compose(later -> history(id))
            .compose(history -> {
              // Several stage rounds later the waiting post has not moved: it waits for a person.
              ctx.verify(() -> assertThat(history).containsExactly("PLANNED", "GENERATED", "OPTIMIZED", "IN_REVIEW"));
              return decide(vertx, new ReviewDecision(id, true, "alice", "looks good", null));
            })
            .compose(approved -> {
              ctx.verify(() -> {
                assertThat(approved.state()).isEqualTo(PostState.APPROVED);
                assertThat(approved.text()).isEqualTo(CLEAN_TEXT);
              });
              return waitForState(vertx, id, PostState.SCHEDULED);
            })
            .compose(scheduled -> history(id).compose(history -> audit(id).map(audit -> {
              ctx.verify(() -> {
                assertThat(history).contains("APPROVED: approved by alice: looks good").endsWith("SCHEDULED");
                assertThat(audit).hasSize(1);
                Row row = audit.iterator().next();
                assertThat(row.getString("actor")).isEqualTo("alice");
                assertThat(row.getString("action")).isEqualTo("review.approve");
                assertThat(row.getString("brand_id")).isEqualTo("acme");
                assertThat(row.getOffsetDateTime("at")).isNotNull();
                assertThat(((JsonObject) row.getJson("detail")).getString("reason")).isEqualTo("looks good");
              });
              return Future.<Void>succeededFuture();
            }))))
        .onComplete(ctx.succeedingThenComplete());
  }

  @Test
  @DisplayName("a person rejects a waiting post with a reason, which its history, last error and audit keep")
  void humanRejection(Vertx vertx, VertxTestContext ctx) {
    startHuman(vertx)
        .compose(started -> planOnePost(vertx))
        .compose(id -> waitUntilAwaitingApproval(vertx, id)
            .compose(waiting -> failureOf(decide(vertx, new ReviewDecision(id, false, "bob", " ", null))))
            .compose(noReason -> {
              ctx.verify(() -> assertThat(noReason.code()).isEqualTo(ErrorCode.INVALID_REQUEST));
              return decide(vertx, new ReviewDecision(id, false, "bob", "off-brand tone", null));
            })
            .compose(rejected -> {
              ctx.verify(() -> {
                assertThat(rejected.state()).isEqualTo(PostState.REJECTED);
                assertThat(rejected.lastError()).isEqualTo("rejected by bob: off-brand tone");
              });
              return failureOf(decide(vertx, new ReviewDecision(id, true, "alice", null, null)));
            })
            .compose(again -> {
              ctx.verify(() -> {
                assertThat(again.code()).isEqualTo(ErrorCode.ILLEGAL_TRANSITION);
                assertThat(again.message()).contains("is REJECTED");
              });
              return audit(id);
            }))
        .onComplete(ctx.succeeding(audit -> ctx.verify(() -> {
          assertThat(audit).hasSize(1);
          Row row = audit.iterator().next();
          assertThat(row.getString("actor")).isEqualTo("bob");
          assertThat(row.getString("action")).isEqualTo("review.reject");
          assertThat(((JsonObject) row.getJson("detail")).getString("reason")).isEqualTo("off-brand tone");
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("a post's history is answered on the bus: the post as it is and each change, oldest first")
  void historyOnTheBus(Vertx vertx, VertxTestContext ctx) {
    startHuman(vertx)
        .compose(started -> planOnePost(vertx))
        .compose(id -> waitUntilAwaitingApproval(vertx, id)
            .compose(waiting -> decide(vertx, new ReviewDecision(id, false, "bob", "off-brand tone", null)))
            .compose(rejected -> vertx.eventBus().<PostHistory>request(Addresses.PIPELINE_HISTORY,
                new PostHistoryQuery(id)))
            .compose(reply -> failureOf(vertx.eventBus().<PostHistory>request(Addresses.PIPELINE_HISTORY,
                    new PostHistoryQuery("not-a-post-id")))
                .map(missing -> {
                  ctx.verify(() -> assertThat(missing.code()).isEqualTo(ErrorCode.NOT_FOUND));
                  return reply.body();
                })))
        .onComplete(ctx.succeeding(history -> ctx.verify(() -> {
          assertThat(history.post().state()).isEqualTo(PostState.REJECTED);
          assertThat(history.events()).extracting(PostEvent::to).containsExactly(PostState.PLANNED,
              PostState.GENERATED, PostState.OPTIMIZED, PostState.IN_REVIEW, PostState.REJECTED);
          assertThat(history.events().get(0).from()).isNull();
          assertThat(history.events().get(4).detail()).isEqualTo("rejected by bob: off-brand tone");
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("a person may edit the text and approve it; an edit that breaks a rule is refused with the violation")
  void editThenApprove(Vertx vertx, VertxTestContext ctx) {
    String edited = "The Acme kettle: quiet, quick, and yours today #Acme";
    startHuman(vertx)
        .compose(started -> planOnePost(vertx))
        .compose(id -> waitUntilAwaitingApproval(vertx, id)
            .compose(waiting -> failureOf(decide(vertx,
                new ReviewDecision(id, true, "alice", null, "A forbidden kettle"))))
            .compose(refused -> {
              ctx.verify(() -> {
                assertThat(refused.code()).isEqualTo(ErrorCode.INVALID_REQUEST);
                assertThat(refused.message()).isEqualTo(
                    "the edited text breaks the brand's rules: banned-words: uses the banned word \"forbidden\"");
              });
              return post(id);
            })
            .compose(unchanged -> {
              ctx.verify(() -> assertThat(unchanged.state()).isEqualTo(PostState.IN_REVIEW));
              return decide(vertx, new ReviewDecision(id, true, "alice", null, edited));
            })
            .compose(approved -> {
              ctx.verify(() -> {
                assertThat(approved.state()).isEqualTo(PostState.APPROVED);
                assertThat(approved.text()).isEqualTo(edited);
              });
              return audit(id);
            }))
        .onComplete(ctx.succeeding(audit -> ctx.verify(() -> {
          assertThat(audit).hasSize(1);
          JsonObject detail = (JsonObject) audit.iterator().next().getJson("detail");
          assertThat(detail.getString("previousText")).isEqualTo(CLEAN_TEXT);
          assertThat(detail.getString("text")).isEqualTo(edited);
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("decisions on unknown posts or posts not in review are refused with NOT_FOUND and ILLEGAL_TRANSITION")
  void refusesOtherPosts(Vertx vertx, VertxTestContext ctx) {
    start(vertx, brand -> { })
        .compose(started -> failureOf(decide(vertx,
            new ReviewDecision("00000000-0000-0000-0000-000000000001", true, "alice", null, null))))
        .compose(unknown -> {
          ctx.verify(() -> assertThat(unknown.code()).isEqualTo(ErrorCode.NOT_FOUND));
          return failureOf(decide(vertx, new ReviewDecision("not-a-post", true, "alice", null, null)));
        })
        .compose(malformed -> {
          ctx.verify(() -> assertThat(malformed.code()).isEqualTo(ErrorCode.NOT_FOUND));
          return planOnePost(vertx);
        })
        .compose(id -> waitForState(vertx, id, PostState.SCHEDULED)
            .compose(scheduled -> failureOf(decide(vertx, new ReviewDecision(id, false, "bob", "too late", null)))))
        .onComplete(ctx.succeeding(late -> ctx.verify(() -> {
          assertThat(late.code()).isEqualTo(ErrorCode.ILLEGAL_TRANSITION);
          assertThat(late.message()).contains("is SCHEDULED; only a post IN_REVIEW can be rejected");
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("a post that reads like one its account already published is rejected as a near-duplicate of it")
  void nearDuplicateRejected(Vertx vertx, VertxTestContext ctx) {
    String published = "Meet the new Acme kettle: quiet and quick! #Kettles https://acme.example/kettle";
    start(vertx, brand -> { })
        .compose(started -> pool.preparedQuery("""
            INSERT INTO posts (brand_id, campaign_id, account_id, platform, slot_at, state, text, published_at)
            VALUES ('acme', 'launch', 'acme-x', 'x', now() - interval '1 day', 'PUBLISHED', $1, now())
            RETURNING id""").execute(Tuple.of(published)))
        .compose(inserted -> {
          String publishedId = inserted.iterator().next().getUUID("id").toString();
          return planOnePost(vertx)
              .compose(id -> waitForState(vertx, id, PostState.REJECTED).compose(done -> post(id)))
              .map(rejected -> List.of(publishedId, rejected.lastError()));
        })
        .onComplete(ctx.succeeding(result -> ctx.verify(() -> {
          assertThat(result.get(1)).isEqualTo("near-duplicate: reads like recent post " + result.get(0)
              + " of the same account: similarity 1.00, at or above the threshold 0.80");
          ctx.completeNow();
        })));
  }

  private Future<Void> startHuman(Vertx vertx) {
    return start(vertx, brand -> brand.put("approval", "human"));
  }

  /** Deploys the pipeline and workflow for the fixture's brand, tweaked, with a campaign on X only. */
  private Future<Void> start(Vertx vertx, Consumer<JsonObject> brandTweak) {
    JsonObject config = PipelineFixture.config(database, 1, 1);
    brandTweak.accept(config.getJsonArray("brands").getJsonObject(0));
    config.getJsonArray("campaigns").getJsonObject(0).put("platforms", new JsonArray().add("x"));
    pool = Database.pool(vertx, DatabaseOptions.fromConfig(config));
    DeploymentOptions options = new DeploymentOptions().setConfig(config);
    return Database.migrate(vertx, DatabaseOptions.fromConfig(config))
        .compose(migrated -> vertx.deployVerticle(new PipelineVerticle(), options))
        .compose(pipeline -> vertx.deployVerticle(new WorkflowVerticle(), options))
        .mapEmpty();
  }

  private static Future<String> planOnePost(Vertx vertx) {
    return vertx.eventBus()
        .<PlanResult>request(Addresses.PIPELINE_PLAN, new PlanRequest("launch", Instant.now().plusSeconds(5)))
        .map(reply -> {
          assertThat(reply.body().postIds()).hasSize(1);
          return reply.body().postIds().get(0);
        });
  }

  private static Future<PostView> decide(Vertx vertx, ReviewDecision decision) {
    return vertx.eventBus().<PostView>request(Addresses.PIPELINE_REVIEW, decision).map(reply -> reply.body());
  }

  /** The error a request failed with; fails if the request succeeded. */
  private static Future<ChorusError> failureOf(Future<?> request) {
    return request.transform(result -> result.succeeded()
        ? Future.failedFuture(new AssertionError("expected a refusal, got " + result.result()))
        : Future.succeededFuture(ChorusError.from(result.cause())));
  }

  private Future<PostView> post(String id) {
    return pool.preparedQuery("SELECT state, text, last_error FROM posts WHERE id = $1::uuid").execute(Tuple.of(id))
        .map(rows -> {
          Row row = rows.iterator().next();
          return new PostView(id, null, null, null, Platform.X, PostState.valueOf(row.getString("state")),
              row.getString("text"), null, 0, null, null, null, null, row.getString("last_error"));
        });
  }

  /** The post's moves, as "STATE" or "STATE: detail", oldest first. */
  private Future<List<String>> history(String id) {
    return pool.preparedQuery("SELECT to_state, detail FROM post_events WHERE post_id = $1::uuid ORDER BY id")
        .execute(Tuple.of(id))
        .map(rows -> {
          List<String> moves = new ArrayList<>();
          rows.forEach(row -> moves.add(row.getString("detail") == null
              ? row.getString("to_state")
              : row.getString("to_state") + ": " + row.getString("detail")));
          return moves;
        });
  }

  private Future<RowSet<Row>> audit(String id) {
    return pool.preparedQuery("SELECT * FROM audit_log WHERE subject = $1 ORDER BY id").execute(Tuple.of(id));
  }

  private Future<Void> waitForState(Vertx vertx, String id, PostState state) {
    return waitUntil(vertx, () -> pool.preparedQuery("SELECT state FROM posts WHERE id = $1::uuid")
        .execute(Tuple.of(id)).map(rows -> rows.iterator().next().getString("state").equals(state.name())));
  }

  private Future<Void> waitUntilAwaitingApproval(Vertx vertx, String id) {
    return waitUntil(vertx, () -> pool.preparedQuery(
            "SELECT state = 'IN_REVIEW' AND awaiting_approval_since IS NOT NULL AS waiting FROM posts WHERE id = $1::uuid")
        .execute(Tuple.of(id)).map(rows -> rows.iterator().next().getBoolean("waiting")));
  }

  /** Polls until the condition holds, within the test's timeout. */
  private static Future<Void> waitUntil(Vertx vertx, Supplier<Future<Boolean>> condition) {
    return condition.get().compose(holds -> holds
        ? Future.succeededFuture()
        : vertx.timer(50).compose(tick -> waitUntil(vertx, condition)));
  }
}
