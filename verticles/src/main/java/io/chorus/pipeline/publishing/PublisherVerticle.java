package io.chorus.pipeline.publishing;

import io.chorus.contracts.Addresses;
import io.chorus.contracts.ChorusError;
import io.chorus.contracts.ErrorCode;
import io.chorus.contracts.PostState;
import io.chorus.contracts.platform.PublishRequest;
import io.chorus.contracts.platform.PublishResult;
import io.chorus.pipeline.PipelineOptions;
import io.chorus.pipeline.post.ClaimedPost;
import io.chorus.pipeline.post.Move;
import io.chorus.pipeline.post.PostTransitions;
import io.chorus.storage.Database;
import io.chorus.storage.DatabaseOptions;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.sqlclient.Pool;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes due posts: claims a batch with a lease ({@code FOR UPDATE SKIP LOCKED}, so workers on
 * any node never claim the same post), asks each post's platform agent to publish it, and records
 * the outcomes in one batch. Transient failures come back later with backoff; permanent ones, or
 * posts out of attempts, fail with the platform's reason. On stop it claims nothing more and
 * finishes what is in flight.
 */
public final class PublisherVerticle extends VerticleBase {
  private static final Logger LOG = LoggerFactory.getLogger(PublisherVerticle.class);

  private final String owner = "publisher-" + UUID.randomUUID();
  private Pool pool;
  private PipelineOptions options;
  private PostTransitions transitions;
  private Backoff backoff;
  private DeliveryOptions delivery;
  private boolean stopping;
  private Future<?> round = Future.succeededFuture();

  @Override
  public Future<?> start() {
    options = PipelineOptions.fromConfig(config());
    pool = Database.pool(vertx, DatabaseOptions.fromConfig(config()));
    transitions = new PostTransitions(pool, vertx.eventBus());
    backoff = new Backoff(options.backoffInitialMs(), options.backoffMaxMs(), options.backoffJitter());
    delivery = new DeliveryOptions().setSendTimeout(options.requestTimeoutMs());
    scheduleRound(0);
    return Future.succeededFuture();
  }

  @Override
  public Future<?> stop() {
    stopping = true;
    return round.transform(done -> pool.close());
  }

  private void scheduleRound(long delayMs) {
    if (stopping) {
      return;
    }
    vertx.setTimer(Math.max(delayMs, 1), tick -> {
      Promise<Integer> published = Promise.promise();
      round = published.future();
      publishRound().onComplete(published);
      published.future().onComplete(result -> {
        if (result.failed()) {
          LOG.warn("Publishing round failed; trying again in {} ms: {}", options.pollIntervalMs(),
              result.cause().getMessage());
        }
        boolean fullBatch = result.succeeded() && result.result() >= options.batchSize();
        scheduleRound(fullBatch ? 0 : options.pollIntervalMs());
      });
    });
  }

  private Future<Integer> publishRound() {
    return transitions.expireLeases(options.batchSize())
        .compose(expired -> transitions.claimDue(options.batchSize(), owner, options.leaseSeconds()))
        .compose(claimed -> {
          if (claimed.isEmpty()) {
            return Future.succeededFuture(0);
          }
          List<Future<Move>> outcomes = claimed.stream().map(this::publish).toList();
          return Future.join(outcomes)
              .transform(done -> transitions.apply(outcomes.stream().map(Future::result).toList()))
              .map(claimed.size());
        });
  }

  private Future<Move> publish(ClaimedPost post) {
    PublishRequest request = new PublishRequest(post.id().toString(), post.accountId(), post.text(),
        post.media().stream().map(this::mediaUrl).toList(), post.attempt());
    return vertx.eventBus()
        .<PublishResult>request(post.platform().address(Addresses.PUBLISH), request, delivery)
        .map(reply -> Move.of(post.id(), PostState.PUBLISHING, PostState.PUBLISHED)
            .withExternalId(reply.body().externalId()))
        .otherwise(failure -> afterFailure(post, ChorusError.from(failure)));
  }

  private Move afterFailure(ClaimedPost post, ChorusError error) {
    String reason = error.code() + ": " + error.message();
    boolean quotaWait = error.code() == ErrorCode.RATE_LIMITED;
    if (error.retryable() && (quotaWait || post.attempt() < options.maxAttempts())) {
      long delay = backoff.delayMs(post.attempt(), error.retryAfterMs(), ThreadLocalRandom.current());
      Move retry = Move.of(post.id(), PostState.PUBLISHING, PostState.SCHEDULED)
          .withScheduledAt(Instant.now().plusMillis(delay))
          .withDetail(reason);
      return quotaWait ? retry.refundingAttempt() : retry;
    }
    LOG.warn("Post {} on {} failed after {} attempts: {}", post.id(), post.platform().id(), post.attempt(), reason);
    Move failed = Move.of(post.id(), PostState.PUBLISHING, PostState.FAILED).withDetail(reason);
    return error.retryable() ? failed.exhaustingAttempts() : failed;
  }

  private String mediaUrl(String media) {
    boolean absolute = media.startsWith("https://") || media.startsWith("http://");
    return absolute ? media : options.mediaBaseUrl().replaceAll("/+$", "") + "/" + media;
  }
}
