package io.chorus.metrics.collect;

import io.chorus.contracts.Addresses;
import io.chorus.contracts.ChorusError;
import io.chorus.contracts.Platform;
import io.chorus.contracts.PostState;
import io.chorus.contracts.metrics.CollectRequest;
import io.chorus.contracts.metrics.CollectResult;
import io.chorus.contracts.pipeline.PostStateChanged;
import io.chorus.platform.insights.Metric;
import io.chorus.pipeline.RoundLoop;
import io.chorus.storage.Database;
import io.chorus.storage.DatabaseOptions;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.sqlclient.Pool;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls the platforms' insights of published posts: enrols each post as it is published, claims
 * the posts whose turn has come, asks each platform's agent to read them
 * ({@code chorus.platform.<p>.collect}) and stores the normalised samples, per post and brand, in
 * {@code metric_samples}. Live metrics pick the latest values up from there. Any number of nodes
 * may run it; claims keep them from reading the same post at the same turn.
 */
public final class MetricsCollectorVerticle extends VerticleBase {
  private static final Logger LOG = LoggerFactory.getLogger(MetricsCollectorVerticle.class);

  private CollectOptions options;
  private Pool pool;
  private PollSchedule schedule;
  private DeliveryOptions delivery;
  private MessageConsumer<PostStateChanged> published;
  private RoundLoop loop;
  private final Set<UUID> newlyPublished = new LinkedHashSet<>();
  private long nextSweepAtMs;

  @Override
  public Future<?> start() {
    options = CollectOptions.fromConfig(config());
    if (!options.enabled()) {
      LOG.info("Metrics collection is disabled on this node (metrics.collect.enabled)");
      return Future.succeededFuture();
    }
    pool = Database.pool(vertx, DatabaseOptions.fromConfig(config()));
    schedule = new PollSchedule(pool, options);
    delivery = new DeliveryOptions().setSendTimeout(options.requestTimeoutMs());
    published = vertx.eventBus().consumer(Addresses.PIPELINE_TRANSITIONS, message -> {
      PostStateChanged change = message.body();
      if (change.to() == PostState.PUBLISHED) {
        newlyPublished.add(UUID.fromString(change.postId()));
      }
    });
    loop = new RoundLoop(vertx, "Metrics collection", options.tickMs(), options.batchSize(), this::round);
    return published.completion().onSuccess(ready -> loop.start());
  }

  @Override
  public Future<?> stop() {
    if (loop == null) {
      return Future.succeededFuture();
    }
    return loop.stop().compose(done -> published.unregister()).transform(done -> pool.close());
  }

  /** One round: enrol what was published, sweep now and then, then read the due posts. */
  private Future<Integer> round() {
    List<UUID> enrolling = List.copyOf(newlyPublished);
    newlyPublished.clear();
    return schedule.enrol(enrolling)
        .compose(enrolled -> sweepIfDue())
        .compose(swept -> schedule.claim())
        .compose(due -> collect(due).map(due.size()));
  }

  /** Now and then, enrol posts published while no collector listened (a restart, another role's node). */
  private Future<Integer> sweepIfDue() {
    long now = System.currentTimeMillis();
    if (now < nextSweepAtMs) {
      return Future.succeededFuture(0);
    }
    nextSweepAtMs = now + options.intervalSeconds() * 1000;
    return schedule.sweep();
  }

  private Future<Void> collect(List<DuePost> due) {
    Map<Platform, List<DuePost>> byPlatform = new LinkedHashMap<>();
    due.forEach(post -> byPlatform.computeIfAbsent(post.platform(), p -> new ArrayList<>()).add(post));
    List<Future<Void>> requests = new ArrayList<>();
    byPlatform.forEach((platform, posts) -> requests.add(ask(platform, posts)));
    return Future.join(requests).mapEmpty();
  }

  private Future<Void> ask(Platform platform, List<DuePost> posts) {
    CollectRequest request = new CollectRequest(posts.stream()
        .map(post -> new CollectRequest.Target(post.postId().toString(), post.accountId(), post.externalId(),
            post.publishedAt(), post.latest().getLong(Metric.COMMENTS, 0L)))
        .toList());
    return vertx.eventBus().<CollectResult>request(platform.address(Addresses.COLLECT), request, delivery)
        .compose(reply -> {
          CollectResult result = reply.body();
          LOG.debug("{} metrics: {} read, {} gone, {} not read", platform.id(), result.collected().size(),
              result.missing().size(), result.failed().size());
          return Future.join(schedule.store(result.collected()), schedule.retire(result.missing())).<Void>mapEmpty();
        })
        .recover(failure -> {
          // The posts keep their next turn; a platform that cannot answer now is asked again then.
          LOG.warn("{} metrics of {} post(s) not collected: {}", platform.id(), posts.size(),
              ChorusError.from(failure).message());
          return Future.succeededFuture();
        });
  }
}
