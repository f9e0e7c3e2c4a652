package io.chorus.pipeline;

import io.chorus.content.variant.VariantStore;
import io.chorus.contracts.Addresses;
import io.chorus.contracts.ChorusError;
import io.chorus.contracts.ErrorCode;
import io.chorus.contracts.health.HealthQuery;
import io.chorus.contracts.health.HealthReport;
import io.chorus.contracts.pipeline.DueCampaignsQuery;
import io.chorus.contracts.pipeline.PlanRequest;
import io.chorus.contracts.pipeline.PostCreate;
import io.chorus.contracts.pipeline.PostCommand;
import io.chorus.contracts.pipeline.PostHistoryQuery;
import io.chorus.contracts.pipeline.PostQuery;
import io.chorus.contracts.pipeline.ReviewDecision;
import io.chorus.contracts.pipeline.VariantsQuery;
import io.chorus.pipeline.catalog.CatalogSync;
import io.chorus.pipeline.command.PostCommands;
import io.chorus.pipeline.command.PostCreation;
import io.chorus.pipeline.planning.PlanStore;
import io.chorus.pipeline.post.PostQueries;
import io.chorus.pipeline.post.PostTransitions;
import io.chorus.pipeline.review.HumanReview;
import io.chorus.pipeline.review.ReviewOptions;
import io.chorus.pipeline.review.ReviewStore;
import io.chorus.storage.Database;
import io.chorus.storage.DatabaseOptions;
import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.Message;
import io.vertx.sqlclient.Pool;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The pipeline's front door on the bus: plans campaign slots into posts, takes posts written
 * through the API, answers post queries,
 * takes people's review decisions, carries out operators' commands on posts and reports the
 * database's health. At start it writes the configured catalog (brands, accounts, campaigns)
 * into PostgreSQL.
 */
public final class PipelineVerticle extends VerticleBase {
  private Pool pool;
  private PlanStore plans;
  private PostQueries queries;
  private HumanReview reviews;
  private PostCommands commands;
  private VariantStore variants;
  private PostCreation creation;

  @Override
  public Future<?> start() {
    pool = Database.pool(vertx, DatabaseOptions.fromConfig(config()));
    PostTransitions transitions = new PostTransitions(pool, vertx.eventBus());
    plans = new PlanStore(pool, transitions);
    queries = new PostQueries(pool);
    reviews = new HumanReview(new ReviewStore(pool), transitions, queries, ReviewOptions.fromConfig(config()));
    commands = new PostCommands(queries, transitions);
    variants = new VariantStore(pool);
    creation = new PostCreation(pool, transitions, queries);
    EventBus bus = vertx.eventBus();
    return new CatalogSync(pool).sync(config())
        .compose(synced -> Future.all(List.of(
            bus.<PlanRequest>consumer(Addresses.PIPELINE_PLAN, this::plan).completion(),
            bus.<PostQuery>consumer(Addresses.PIPELINE_QUERY, this::query).completion(),
            bus.<PostHistoryQuery>consumer(Addresses.PIPELINE_HISTORY, this::history).completion(),
            bus.<ReviewDecision>consumer(Addresses.PIPELINE_REVIEW, this::review).completion(),
            bus.<PostCommand>consumer(Addresses.PIPELINE_COMMAND, this::command).completion(),
            bus.<HealthQuery>consumer(Addresses.PIPELINE_STATUS, this::status).completion(),
            bus.<VariantsQuery>consumer(Addresses.PIPELINE_VARIANTS, this::variants).completion(),
            bus.<PostCreate>consumer(Addresses.PIPELINE_CREATE, this::create).completion(),
            bus.<DueCampaignsQuery>consumer(Addresses.PIPELINE_CAMPAIGNS, this::dueCampaigns).completion())));
  }

  @Override
  public Future<?> stop() {
    return pool == null ? Future.succeededFuture() : pool.close();
  }

  private void plan(Message<PlanRequest> message) {
    if (message.body() == null || message.body().campaignId() == null || message.body().until() == null) {
      ChorusError.of(ErrorCode.INVALID_REQUEST, "campaignId and until are required").failReply(message);
      return;
    }
    plans.plan(message.body(), Instant.now()).onComplete(result -> reply(message, result));
  }

  private void create(Message<PostCreate> message) {
    creation.create(message.body(), Instant.now()).onComplete(result -> reply(message, result));
  }

  private void dueCampaigns(Message<DueCampaignsQuery> message) {
    Instant until = message.body() == null || message.body().until() == null ? Instant.now() : message.body().until();
    plans.due(until).onComplete(result -> reply(message, result));
  }

  private void query(Message<PostQuery> message) {
    PostQuery query = message.body();
    if (query == null || query.limit() < 1) {
      ChorusError.of(ErrorCode.INVALID_REQUEST, "limit must be at least 1").failReply(message);
      return;
    }
    queries.list(query).onComplete(result -> reply(message, result));
  }

  private void history(Message<PostHistoryQuery> message) {
    UUID id = message.body() == null ? null : uuid(message.body().postId());
    if (id == null) {
      ChorusError.of(ErrorCode.NOT_FOUND, "there is no such post").failReply(message);
      return;
    }
    queries.history(id).onComplete(result -> reply(message, result));
  }

  private static UUID uuid(String value) {
    try {
      return value == null ? null : UUID.fromString(value);
    } catch (IllegalArgumentException notAnId) {
      return null;
    }
  }

  private void review(Message<ReviewDecision> message) {
    reviews.decide(message.body()).onComplete(result -> reply(message, result));
  }

  private void command(Message<PostCommand> message) {
    commands.execute(message.body(), Instant.now()).onComplete(result -> reply(message, result));
  }

  private void variants(Message<VariantsQuery> message) {
    String postId = message.body() == null ? null : message.body().postId();
    variants.ofPost(postId).onComplete(result -> reply(message, result));
  }

  private void status(Message<HealthQuery> message) {
    pool.query("SELECT 1").execute()
        .map(ok -> new HealthReport("pipeline", true, false, "database answers"))
        .otherwise(failure -> new HealthReport("pipeline", false, false,
            "database unreachable: " + failure.getMessage()))
        .onSuccess(message::reply);
  }

  private static void reply(Message<?> message, AsyncResult<?> result) {
    if (result.succeeded()) {
      message.reply(result.result());
    } else {
      storageError(result.cause()).failReply(message);
    }
  }

  private static ChorusError storageError(Throwable failure) {
    ChorusError error = ChorusError.from(failure);
    return error.code() == ErrorCode.INTERNAL
        ? ChorusError.of(ErrorCode.STORAGE_UNAVAILABLE, error.message())
        : error;
  }
}
