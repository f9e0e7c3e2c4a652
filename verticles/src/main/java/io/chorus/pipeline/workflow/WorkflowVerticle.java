package io.chorus.pipeline.workflow;

import io.chorus.content.image.MediaStore;
import io.chorus.content.variant.VariantOptions;
import io.chorus.content.variant.VariantStore;
import io.chorus.pipeline.PipelineOptions;
import io.chorus.pipeline.RoundLoop;
import io.chorus.pipeline.post.PostTransitions;
import io.chorus.pipeline.review.ReviewOptions;
import io.chorus.pipeline.review.ReviewStore;
import io.chorus.pipeline.scheduling.BestTimeScheduler;
import io.chorus.pipeline.scheduling.ScheduleHistory;
import io.chorus.pipeline.scheduling.SchedulingOptions;
import io.chorus.storage.Database;
import io.chorus.storage.DatabaseOptions;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.sqlclient.Pool;
import java.time.Clock;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Moves posts from PLANNED to SCHEDULED: generation, platform fitting, review and scheduling, each
 * a stage that takes a batch of waiting posts per round. Every move is conditional on the post's
 * state, so two nodes running the same stage never move a post twice.
 */
public final class WorkflowVerticle extends VerticleBase {

  private Pool pool;
  private PipelineOptions options;
  private StagePosts waiting;
  private PostTransitions transitions;
  private List<RoundLoop> loops;

  @Override
  public Future<?> start() {
    options = PipelineOptions.fromConfig(config());
    pool = Database.pool(vertx, DatabaseOptions.fromConfig(config()));
    waiting = new StagePosts(pool);
    transitions = new PostTransitions(pool, vertx.eventBus());
    SchedulingOptions scheduling = SchedulingOptions.fromConfig(config());
    DeliveryOptions delivery = new DeliveryOptions().setSendTimeout(options.requestTimeoutMs());
    List<Stage> stages = List.of(
        new GenerateStage(vertx.eventBus(), delivery, VariantOptions.fromConfig(config()), new VariantStore(pool),
            new MediaStore(pool)),
        new OptimizeStage(vertx.eventBus(), delivery),
        new SubmitForReviewStage(),
        new ReviewStage(new ReviewStore(pool), ReviewOptions.fromConfig(config())),
        new ScheduleStage(new BestTimeScheduler(scheduling, Clock.systemUTC(), new SplittableRandom()),
            new ScheduleHistory(pool, scheduling.engagementMetrics()), Clock.systemUTC()));
    loops = stages.stream()
        .map(stage -> new RoundLoop(vertx, "Stage " + stage.from(), options.pollIntervalMs(), options.batchSize(),
            () -> round(stage)))
        .toList();
    loops.forEach(RoundLoop::start);
    return Future.succeededFuture();
  }

  @Override
  public Future<?> stop() {
    // Let rounds under way finish before their connections go, so stopping logs no failed stage.
    return Future.join(loops.stream().map(RoundLoop::stop).toList()).transform(done -> pool.close());
  }

  /** One round of a stage: the waiting posts it took, moved as far as they could go. */
  private Future<Integer> round(Stage stage) {
    return waiting.waitingIn(stage.from(), options.batchSize())
        .compose(posts -> posts.isEmpty()
            ? Future.succeededFuture(0)
            : stage.round(posts, transitions));
  }
}
