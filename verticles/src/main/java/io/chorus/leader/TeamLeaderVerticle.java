package io.chorus.leader;

import io.chorus.contracts.Addresses;
import io.chorus.contracts.ChorusError;
import io.chorus.contracts.leader.CoordinationNotice;
import io.chorus.contracts.pipeline.DueCampaigns;
import io.chorus.contracts.pipeline.DueCampaignsQuery;
import io.chorus.contracts.pipeline.PlanRequest;
import io.chorus.contracts.pipeline.PlanResult;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.shareddata.Lock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Team Leader: one active per cluster (it holds a cluster-wide lock; others wait to take
 * over), it turns every campaign's calendar into posts a horizon ahead and tells all nodes what
 * it did on {@link Addresses#COORDINATION}. The campaigns are the pipeline's: those of the
 * configuration and those created through the API, asked for afresh every round.
 */
public final class TeamLeaderVerticle extends VerticleBase {
  private static final Logger LOG = LoggerFactory.getLogger(TeamLeaderVerticle.class);
  private static final String LEADER_LOCK = "chorus.leader";

  private final String node = "leader-" + UUID.randomUUID().toString().substring(0, 8);
  private LeaderOptions options;
  private Lock leadership;
  private long timerId = -1;

  @Override
  public Future<?> start() {
    options = LeaderOptions.fromConfig(config());
    seekLeadership();
    return Future.succeededFuture();
  }

  @Override
  public Future<?> stop() {
    if (timerId >= 0) {
      vertx.cancelTimer(timerId);
    }
    if (leadership != null) {
      leadership.release();
    }
    return Future.succeededFuture();
  }

  private void seekLeadership() {
    vertx.sharedData().getLockWithTimeout(LEADER_LOCK, options.planIntervalMs())
        .onSuccess(lock -> {
          leadership = lock;
          LOG.info("{} is the active Team Leader", node);
          announce("leader.elected", "planning every campaign's calendar");
          planAll();
          timerId = vertx.setPeriodic(options.planIntervalMs(), tick -> planAll());
        })
        // Another node leads; ask again, so this one takes over when that one dies.
        .onFailure(busy -> vertx.setTimer(options.planIntervalMs(), tick -> seekLeadership()));
  }

  private void planAll() {
    Instant until = Instant.now().plus(options.planHorizon());
    DeliveryOptions delivery = new DeliveryOptions().setSendTimeout(options.requestTimeoutMs());
    vertx.eventBus().<DueCampaigns>request(Addresses.PIPELINE_CAMPAIGNS, new DueCampaignsQuery(until), delivery)
        .onSuccess(reply -> plan(reply.body().campaignIds(), until, delivery))
        .onFailure(failure -> LOG.warn("Campaigns to plan not known this round: {}", ChorusError.from(failure).message()));
  }

  private void plan(List<String> campaignIds, Instant until, DeliveryOptions delivery) {
    for (String campaignId : campaignIds) {
      vertx.eventBus()
          .<PlanResult>request(Addresses.PIPELINE_PLAN, new PlanRequest(campaignId, until), delivery)
          .onSuccess(reply -> {
            int planned = reply.body().postIds().size();
            if (planned > 0) {
              announce("plan.created", planned + " posts planned for campaign " + campaignId);
            }
          })
          .onFailure(failure -> LOG.warn("Planning campaign {} failed: {}", campaignId,
              ChorusError.from(failure).message()));
    }
  }

  private void announce(String kind, String detail) {
    vertx.eventBus().publish(Addresses.COORDINATION, new CoordinationNotice(kind, node, detail, Instant.now()));
  }
}
