package io.chorus.platform.engagement;

import static org.assertj.core.api.Assertions.assertThat;

import io.chorus.content.ContentVerticle;
import io.chorus.contracts.Addresses;
import io.chorus.contracts.ChorusError;
import io.chorus.contracts.ErrorCode;
import io.chorus.contracts.Platform;
import io.chorus.contracts.pipeline.PostView;
import io.chorus.contracts.pipeline.ReviewDecision;
import io.chorus.contracts.platform.PlatformEvent;
import io.chorus.contracts.platform.PlatformEventHandled;
import io.chorus.contracts.platform.PublishRequest;
import io.chorus.metrics.collect.MetricsCollectorVerticle;
import io.chorus.pipeline.publishing.PublisherVerticle;
import io.chorus.pipeline.workflow.WorkflowVerticle;
import io.chorus.platform.insights.PlatformStack;
import io.chorus.platform.insights.PlatformStack.Published;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@Timeout(value = 90, timeUnit = TimeUnit.SECONDS)
@DisplayName("Answering comments and mentions through review")
class CommunityEngagementTest {
  private static final List<Platform> ANSWERABLE = List.of(Platform.X, Platform.FACEBOOK, Platform.INSTAGRAM, Platform.LINKEDIN);

  private PlatformStack stack;

  @AfterEach
  void tearDown(Vertx vertx, VertxTestContext ctx) {
    vertx.close().onComplete(closed -> {
      if (stack != null) {
        stack.dropSchema();
      }
      ctx.completeNow();
    });
  }

  /** The stack with Content, the workflow and the publisher, so drafted replies go all the way out. */
  private Future<PlatformStack> start(Vertx vertx, Consumer<JsonObject> tweak) {
    return PlatformStack.start(vertx, getClass(), tweak).compose(started -> {
      stack = started;
      return stack.deploy(new ContentVerticle())
          .compose(content -> stack.deploy(new WorkflowVerticle()))
          .compose(workflow -> stack.deploy(new PublisherVerticle()))
          .map(stack);
    });
  }

  @Test
  @DisplayName("comments found by polling on X, Facebook, Instagram and LinkedIn get drafted replies, reviewed and published as replies to them")
  void pollingFindsCommentsAndRepliesGoOut(Vertx vertx, VertxTestContext ctx) {
    Map<Platform, String> commentIds = new HashMap<>();
    start(vertx, config -> { })
        .compose(started -> Future.all(ANSWERABLE.stream().map(platform ->
                stack.publish(platform, "Our Autumn Harvest blend is in the shops on " + platform.id())
                    .compose(post -> stack.comment(platform, post.externalId(), "Is the Autumn Harvest blend decaf?"))
                    .onSuccess(id -> commentIds.put(platform, id)))
            .toList()))
        .compose(commented -> stack.deploy(new MetricsCollectorVerticle()))
        .compose(collecting -> stack.waitUntil(() -> answered(commentIds), 60_000))
        // The platform holds the reply a moment before the publisher records it.
        .compose(answered -> stack.waitUntil(() -> stack.query(
            "SELECT count(*) AS n FROM posts WHERE in_reply_to_external_id = ANY($1) AND state = 'PUBLISHED'",
            Tuple.of(commentIds.values().toArray(String[]::new)))
            .map(rows -> rows.iterator().next().getLong("n") == commentIds.size()), 10_000))
        .compose(recorded -> stack.query("""
            SELECT e.platform, e.outcome, e.external_id, p.state, p.in_reply_to_external_id, p.campaign_id
            FROM platform_events e JOIN posts p ON p.id = e.post_id""", Tuple.tuple()))
        .onComplete(ctx.succeeding(rows -> ctx.verify(() -> {
          assertThat(rows.size()).isEqualTo(4);
          for (Row row : rows) {
            Platform platform = Platform.of(row.getString("platform"));
            assertThat(row.getString("outcome")).isEqualTo("reply-drafted");
            assertThat(row.getString("external_id")).isEqualTo(commentIds.get(platform));
            assertThat(row.getString("in_reply_to_external_id")).isEqualTo(commentIds.get(platform));
            assertThat(row.getString("state")).isEqualTo("PUBLISHED");
            assertThat(row.getString("campaign_id")).isNull();
          }
          ctx.completeNow();
        })));
  }

  /** Whether every platform's comment has a reply by the account under it on the simulator. */
  private Future<Boolean> answered(Map<Platform, String> commentIds) {
    List<Future<JsonArray>> reads = ANSWERABLE.stream().map(stack::comments).toList();
    return Future.all(reads).map(all -> {
      for (int i = 0; i < ANSWERABLE.size(); i++) {
        String commentId = commentIds.get(ANSWERABLE.get(i));
        boolean replied = reads.get(i).result().stream().map(JsonObject.class::cast)
            .anyMatch(c -> c.getBoolean("byAccount") && commentId.equals(c.getString("parentId")));
        if (!replied) {
          return false;
        }
      }
      return true;
    });
  }

  @Test
  @DisplayName("an event delivered twice, or the same comment under another id, is answered once; a human brand's reply waits for approval, then goes out on Instagram")
  void idempotentAndReviewedByAPerson(Vertx vertx, VertxTestContext ctx) {
    List<PlatformEventHandled> answers = new ArrayList<>();
    start(vertx, config -> config.getJsonArray("brands").getJsonObject(0).put("approval", "human"))
        .compose(started -> stack.publish(Platform.INSTAGRAM, "Slow mornings with the Autumn Harvest blend"))
        .compose(media -> stack.comment(Platform.INSTAGRAM, media.externalId(), "Where can I buy it?")
            .compose(commentId -> deliver(event("hook-1", Platform.INSTAGRAM, commentId, media))
                .compose(first -> deliver(event("hook-1", Platform.INSTAGRAM, commentId, media))
                    .map(second -> List.of(first, second)))
                .compose(two -> deliver(event("hook-2", Platform.INSTAGRAM, commentId, media)).map(third -> {
                  answers.addAll(two);
                  answers.add(third);
                  return commentId;
                }))))
        .compose(commentId -> {
          String postId = answers.get(0).postId();
          return stack.waitUntil(() -> stack.query("""
                  SELECT state = 'IN_REVIEW' AND awaiting_approval_since IS NOT NULL AS waiting FROM posts WHERE id = $1::uuid""",
                  Tuple.of(postId)).map(rows -> rows.iterator().next().getBoolean("waiting")), 30_000)
              .compose(waiting -> stack.comments(Platform.INSTAGRAM))
              .compose(beforeApproval -> {
                ctx.verify(() -> assertThat(beforeApproval.stream().map(JsonObject.class::cast)
                    .noneMatch(c -> c.getBoolean("byAccount"))).isTrue());
                return vertx.eventBus().<PostView>request(Addresses.PIPELINE_REVIEW,
                    new ReviewDecision(postId, true, "alice", "friendly enough", null));
              })
              .compose(approved -> stack.waitUntil(() -> stack.comments(Platform.INSTAGRAM).map(all -> all.stream()
                  .map(JsonObject.class::cast)
                  .anyMatch(c -> c.getBoolean("byAccount") && commentId.equals(c.getString("parentId")))), 30_000));
        })
        .onComplete(ctx.succeeding(published -> ctx.verify(() -> {
          assertThat(answers).hasSize(3);
          assertThat(answers.get(0).outcome()).isEqualTo("reply-drafted");
          assertThat(answers.get(0).postId()).isNotNull();
          assertThat(answers).extracting(PlatformEventHandled::postId).containsOnly(answers.get(0).postId());
          assertThat(answers).extracting(PlatformEventHandled::outcome).containsOnly("reply-drafted");
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("without autoReply comments are only recorded, TikTok comments cannot be answered, other kinds are ignored, and bad events are refused")
  void outcomesWithoutReplies(Vertx vertx, VertxTestContext ctx) {
    Published x = new Published("p", "1861000000000000001");
    start(vertx, config -> config.getJsonArray("brands").getJsonObject(0).put("autoReply", false))
        .compose(started -> Future.all(List.of(
            deliver(event("x-1", Platform.X, "1861000000000000002", x)),
            deliver(event("tt-1", Platform.TIKTOK, "7300000000000000001", x)),
            deliver(new PlatformEvent("dm-1", Platform.X, "1600000000000000001", PlatformEvent.Kind.MESSAGE, "dm-9",
                null, "ana", "Hello", Instant.now(), "{}")))))
        .compose(handled -> Future.all(List.of(
                failure(deliver(new PlatformEvent("bad-1", Platform.X, "999", PlatformEvent.Kind.COMMENT, "c", null,
                    "ana", "hi", Instant.now(), "{}"))),
                failure(vertx.eventBus().request(Platform.X.address(Addresses.EVENTS),
                    event("bad-2", Platform.FACEBOOK, "c", x))),
                failure(vertx.eventBus().request(Platform.TIKTOK.address(Addresses.PUBLISH),
                    new PublishRequest("r1", "northwind-tiktok", "Thanks!", List.of(), 1, null, "7300000000000000001")))))
            .map(refused -> List.of(handled, refused)))
        .onComplete(ctx.succeeding(both -> ctx.verify(() -> {
          var handled = both.get(0);
          assertThat(((PlatformEventHandled) handled.resultAt(0)).outcome()).isEqualTo("recorded");
          assertThat(((PlatformEventHandled) handled.resultAt(1)).outcome()).isEqualTo("unsupported");
          assertThat(((PlatformEventHandled) handled.resultAt(2)).outcome()).isEqualTo("ignored");
          var refused = both.get(1);
          assertThat(((ChorusError) refused.resultAt(0)).code()).isEqualTo(ErrorCode.NOT_FOUND);
          assertThat(((ChorusError) refused.resultAt(1)).code()).isEqualTo(ErrorCode.INVALID_REQUEST);
          assertThat(((ChorusError) refused.resultAt(2)).code()).isEqualTo(ErrorCode.PLATFORM_REJECTED);
          ctx.completeNow();
        })));
  }

  private static PlatformEvent event(String eventId, Platform platform, String commentId, Published on) {
    String account = switch (platform) {
      case INSTAGRAM -> "17841400000000001";
      case TIKTOK -> "7000000000000000001";
      case FACEBOOK -> "104857600000001";
      case LINKEDIN -> "urn:li:organization:5550001";
      case X -> "1600000000000000001";
    };
    return new PlatformEvent(eventId, platform, account, PlatformEvent.Kind.COMMENT, commentId, on.externalId(),
        "ana", "Where can I buy it?", Instant.now(), "{\"field\":\"comments\"}");
  }

  private Future<PlatformEventHandled> deliver(PlatformEvent event) {
    return stack.vertx.eventBus().<PlatformEventHandled>request(event.platform().address(Addresses.EVENTS), event)
        .map(reply -> reply.body());
  }

  private static Future<ChorusError> failure(Future<?> outcome) {
    return outcome.transform(result -> result.succeeded()
        ? Future.failedFuture(new AssertionError("expected a refusal, got " + result.result()))
        : Future.succeededFuture(ChorusError.from(result.cause())));
  }
}
