package io.chorus.pipeline.publishing;

import io.chorus.contracts.Addresses;
import io.chorus.contracts.ChorusError;
import io.chorus.contracts.ErrorCode;
import io.chorus.contracts.PostState;
import io.chorus.contracts.platform.PublishRequest;
import io.chorus.contracts.platform.PublishResult;
import io.chorus.pipeline.PipelineOptions;
import io.chorus.pipeline.RoundLoop;
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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes due posts: claims a batch with a lease ({@code FOR UPDATE SKIP LOCKED}, so workers on
 * any node never claim the same post), asks each post's platform agent to publish it, and records
 * the outcomes in one batch. Transient failures come back later with backoff; permanent ones, or
 * posts out of attempts, fail with the platform's reason. On stop it claims nothing more and
 * lets the posts in flight finish within {@code pipeline.shutdownGraceMs}; those still in flight
 * then are released to UNKNOWN, for reconciliation to decide, since they may be on the platform.
 */
public final class PublisherVerticle extends VerticleBase {
  private static final Logger LOG = LoggerFactory.getLogger(PublisherVerticle.class);

  static final String RELEASED = "released at shutdown";
  static final String NOT_SENT = "claimed as the publisher stopped; not sent";

  private final String owner = "publisher-" + UUID.randomUUID();
  private Pool pool;
  private PipelineOptions options;
  private PostTransitions transitions;
  private Backoff backoff;
  private DeliveryOptions delivery;
  private long nextLeaseCheckMs;
  private RoundLoop rounds;
  /** Posts sent to their platform whose outcome is not recorded yet. */
  private final Set<UUID> inFlight = new LinkedHashSet<>();

  @Override
  public Future<?> start() {
    options = PipelineOptions.fromConfig(config());
    pool = Database.pool(vertx, DatabaseOptions.fromConfig(config()));
    transitions = new PostTransitions(pool, vertx.eventBus());
    backoff = new Backoff(options.backoffInitialMs(), options.backoffMaxMs(), options.backoffJitter());
    delivery = new DeliveryOptions().setSendTimeout(options.requestTimeoutMs());
    rounds = new RoundLoop(vertx, "Publishing", options.pollIntervalMs(), options.batchSize(), this::publishRound);
    rounds.start();
    return Future.succeededFuture();
  }

  @Override
  public Future<?> stop() {
    Promise<Void> settled = Promise.promise();
    long graceTimer = vertx.setTimer(Math.max(options.shutdownGraceMs(), 1), tick -> settled.tryComplete());
    rounds.stop().onComplete(done -> settled.tryComplete());
    return settled.future()
        .compose(done -> {
          vertx.cancelTimer(graceTimer);
          return releaseInFlight();
        })
        .transform(done -> pool.close());
  }

  /** Hands the posts still in flight to reconciliation: they may or may not be on the platform. */
  private Future<?> releaseInFlight() {
    if (inFlight.isEmpty()) {
      return Future.succeededFuture();
    }
    LOG.warn("Releasing {} post(s) still in flight after the {} ms shutdown grace", inFlight.size(),
        options.shutdownGraceMs());
    List<Move> releases = inFlight.stream()
        .map(id -> Move.of(id, PostState.PUBLISHING, PostState.UNKNOWN).withDetail(RELEASED))
        .toList();
    inFlight.clear();
    return transitions.apply(releases);
  }

  private Future<Integer> publishRound() {
    return expireLeasesWhenDue()
        .compose(expired -> transitions.claimDue(options.batchSize(), owner, options.leaseSeconds()))
        .compose(claimed -> {
          if (claimed.isEmpty()) {
            return Future.succeededFuture(0);
          }
          if (rounds.stopping()) {
            return giveBack(claimed);
          }
          claimed.forEach(post -> inFlight.add(post.id()));
          List<Future<Move>> outcomes = claimed.stream().map(this::publish).toList();
          return Future.join(outcomes)
              .transform(done -> transitions.apply(outcomes.stream().map(Future::result).toList()))
              .eventually(() -> {
                claimed.forEach(post -> inFlight.remove(post.id()));
                return Future.succeededFuture();
              })
              .map(claimed.size());
        });
  }

  /**
   * Looks for expired leases a tenth of a lease apart rather than every round: a post lost in flight
   * is still noticed within a tenth of its lease, and the look-up, whose index keeps an entry for
   * every post that ever held a lease until vacuum removes it, stays out of every round.
   */
  private Future<?> expireLeasesWhenDue() {
    long now = System.currentTimeMillis();
    if (now < nextLeaseCheckMs) {
      return Future.succeededFuture();
    }
    nextLeaseCheckMs = now + options.leaseSeconds() * 100L;
    return transitions.expireLeases(options.batchSize());
  }

  /** Posts claimed as the publisher began to stop were never sent: they may safely wait again. */
  private Future<Integer> giveBack(List<ClaimedPost> claimed) {
    return transitions.apply(claimed.stream()
            .map(post -> Move.of(post.id(), PostState.PUBLISHING, PostState.SCHEDULED)
                .withScheduledAt(post.scheduledAt()).withDetail(NOT_SENT).refundingAttempt())
            .toList())
        .map(0);
  }

  private Future<Move> publish(ClaimedPost post) {
    PublishRequest request = new PublishRequest(post.id().toString(), post.accountId(), post.text(),
        mediaUrls(post), post.attempt(), post.postType(), post.inReplyToExternalId());
    return vertx.eventBus()
        .<PublishResult>request(post.platform().address(Addresses.PUBLISH), request, delivery)
        .map(reply -> Move.of(post.id(), PostState.PUBLISHING, PostState.PUBLISHED)
            .withExternalId(reply.body().externalId()))
        .otherwise(failure -> afterFailure(post, ChorusError.from(failure)));
  }

  private Move afterFailure(ClaimedPost post, ChorusError error) {
    String reason = error.code() + ": " + error.message();
    // Waiting for quota or for a person to authorize the account again is no failed attempt.
    boolean quotaWait = error.code() == ErrorCode.RATE_LIMITED || error.code() == ErrorCode.REAUTHORIZATION_REQUIRED;
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

  /** The post's own stored media when it has some, otherwise its campaign's media files. */
  private List<String> mediaUrls(ClaimedPost post) {
    if (!post.mediaIds().isEmpty()) {
      String base = options.mediaPublicUrl().replaceAll("/+$", "");
      return post.mediaIds().stream().map(id -> base + "/" + id).toList();
    }
    return post.media().stream().map(this::mediaUrl).toList();
  }

  private String mediaUrl(String media) {
    boolean absolute = media.startsWith("https://") || media.startsWith("http://");
    return absolute ? media : options.mediaBaseUrl().replaceAll("/+$", "") + "/" + media;
  }
}
