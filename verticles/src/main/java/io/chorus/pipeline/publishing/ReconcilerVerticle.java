package io.chorus.pipeline.publishing;

import io.chorus.contracts.Addresses;
import io.chorus.contracts.ChorusError;
import io.chorus.contracts.PostState;
import io.chorus.contracts.platform.ReconcileRequest;
import io.chorus.contracts.platform.ReconcileResult;
import io.chorus.pipeline.PipelineOptions;
import io.chorus.pipeline.RoundLoop;
import io.chorus.pipeline.post.Move;
import io.chorus.pipeline.post.PostTransitions;
import io.chorus.storage.Database;
import io.chorus.storage.DatabaseOptions;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.sqlclient.Pool;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Settles posts whose publication outcome is unknown (a lease that ran out in PUBLISHING, a
 * publisher stopped mid-flight): asks the post's platform agent whether the account has it, then
 * marks it PUBLISHED with the platform's id, or schedules it again when the platform does not.
 * A look that fails leaves the post UNKNOWN for a later round, so no post is published twice.
 */
public final class ReconcilerVerticle extends VerticleBase {
  private static final Logger LOG = LoggerFactory.getLogger(ReconcilerVerticle.class);
  static final String FOUND = "found on the platform by reconciliation";
  static final String NOT_FOUND = "not on the platform; publishing again";

  private final String owner = "reconciler-" + UUID.randomUUID();
  private Pool pool;
  private PipelineOptions options;
  private PostTransitions transitions;
  private UnknownPosts unknownPosts;
  private DeliveryOptions delivery;
  private RoundLoop rounds;

  @Override
  public Future<?> start() {
    options = PipelineOptions.fromConfig(config());
    pool = Database.pool(vertx, DatabaseOptions.fromConfig(config()));
    transitions = new PostTransitions(pool, vertx.eventBus());
    unknownPosts = new UnknownPosts(pool);
    delivery = new DeliveryOptions().setSendTimeout(options.requestTimeoutMs());
    rounds = new RoundLoop(vertx, "Reconciliation", options.pollIntervalMs(), options.batchSize(),
        this::reconcileRound);
    rounds.start();
    return Future.succeededFuture();
  }

  @Override
  public Future<?> stop() {
    return rounds.stop().transform(done -> pool.close());
  }

  private Future<Integer> reconcileRound() {
    return unknownPosts.claim(options.batchSize(), owner, options.leaseSeconds()).compose(claimed -> {
      if (claimed.isEmpty()) {
        return Future.succeededFuture(0);
      }
      List<Future<Move>> outcomes = claimed.stream().map(this::reconcile).toList();
      return Future.join(outcomes)
          .transform(done -> transitions.apply(outcomes.stream().map(Future::result).filter(Objects::nonNull).toList()))
          .map(claimed.size());
    });
  }

  /** The move that settles the post, or null to leave it UNKNOWN until its lease runs out. */
  private Future<Move> reconcile(UnknownPost post) {
    ReconcileRequest request = new ReconcileRequest(post.id().toString(), post.accountId(), post.text(), post.notBefore());
    return vertx.eventBus()
        .<ReconcileResult>request(post.platform().address(Addresses.RECONCILE), request, delivery)
        .map(reply -> reply.body().found()
            ? Move.of(post.id(), PostState.UNKNOWN, PostState.PUBLISHED)
                .withExternalId(reply.body().externalId()).withDetail(FOUND)
            : Move.of(post.id(), PostState.UNKNOWN, PostState.SCHEDULED)
                .withScheduledAt(Instant.now()).withDetail(NOT_FOUND))
        .otherwise(failure -> {
          ChorusError error = ChorusError.from(failure);
          LOG.warn("Post {} on {} stays UNKNOWN{}: {}", post.id(), post.platform().id(),
              error.retryable() ? " until a later round" : " (the look cannot succeed as asked)", error.message());
          return null;
        });
  }
}
