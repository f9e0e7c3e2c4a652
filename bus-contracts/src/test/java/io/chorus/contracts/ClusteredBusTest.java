package io.chorus.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import io.chorus.contracts.leader.CoordinationNotice;
import io.chorus.contracts.pipeline.PlanRequest;
import io.chorus.contracts.pipeline.PlanResult;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.eventbus.EventBusOptions;
import io.vertx.junit5.Checkpoint;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import io.vertx.spi.cluster.hazelcast.ConfigUtil;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import io.vertx.junit5.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@Timeout(value = 90, timeUnit = TimeUnit.SECONDS)
class ClusteredBusTest {
  private final String clusterName = "chorus-test-" + UUID.randomUUID();
  private Vertx nodeA;
  private Vertx nodeB;

  @BeforeEach
  void startTwoNodes(VertxTestContext ctx) {
    Future.all(startNode(), startNode()).onComplete(ctx.succeeding(nodes -> {
      nodeA = nodes.resultAt(0);
      nodeB = nodes.resultAt(1);
      Contracts.registerCodecs(nodeA);
      Contracts.registerCodecs(nodeB);
      ctx.completeNow();
    }));
  }

  @AfterEach
  void stopNodes(VertxTestContext ctx) {
    Future.join(close(nodeA), close(nodeB)).onComplete(done -> ctx.completeNow());
  }

  @Test
  @DisplayName("a request and its reply cross a Hazelcast-clustered bus between two Vert.x instances intact")
  void requestReplyCrossesTheCluster(VertxTestContext ctx) {
    PlanRequest request = new PlanRequest("campaign-1", Instant.parse("2026-11-24T12:00:00Z"));
    PlanResult reply = new PlanResult("campaign-1", List.of("post-1", "post-2"));
    nodeB.eventBus().<PlanRequest>consumer(Addresses.PIPELINE_PLAN, message -> {
      ctx.verify(() -> assertThat(message.body()).isEqualTo(request));
      message.reply(reply);
    }).completion()
        .compose(registered -> nodeA.eventBus().<PlanResult>request(Addresses.PIPELINE_PLAN, request))
        .onComplete(ctx.succeeding(answer -> ctx.verify(() -> {
          assertThat(answer.body()).isEqualTo(reply);
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("a publish reaches every node's consumer intact")
  void publishReachesEveryNode(VertxTestContext ctx) {
    CoordinationNotice notice = new CoordinationNotice("leader.elected", "node-a", "took the lead",
        Instant.parse("2026-11-24T12:00:00Z"));
    Checkpoint received = ctx.checkpoint(2);
    Future.all(
            nodeA.eventBus().<CoordinationNotice>consumer(Addresses.COORDINATION, m -> {
              ctx.verify(() -> assertThat(m.body()).isEqualTo(notice));
              received.flag();
            }).completion(),
            nodeB.eventBus().<CoordinationNotice>consumer(Addresses.COORDINATION, m -> {
              ctx.verify(() -> assertThat(m.body()).isEqualTo(notice));
              received.flag();
            }).completion())
        .onComplete(ctx.succeeding(ready -> nodeA.eventBus().publish(Addresses.COORDINATION, notice)));
  }

  private Future<Vertx> startNode() {
    Config hazelcast = ConfigUtil.loadConfig().setClusterName(clusterName);
    hazelcast.getNetworkConfig().setPort(5801).setPortAutoIncrement(true).setPortCount(20);
    hazelcast.getNetworkConfig().getInterfaces().setEnabled(true).addInterface("127.0.0.1");
    JoinConfig join = hazelcast.getNetworkConfig().getJoin();
    join.getMulticastConfig().setEnabled(false);
    join.getTcpIpConfig().setEnabled(true).addMember("127.0.0.1");
    hazelcast.setProperty("hazelcast.phone.home.enabled", "false");
    VertxOptions options = new VertxOptions()
        .setEventBusOptions(new EventBusOptions().setHost("127.0.0.1").setPort(0));
    return Vertx.builder().with(options).withClusterManager(new HazelcastClusterManager(hazelcast)).buildClustered();
  }

  private static Future<Void> close(Vertx vertx) {
    return vertx == null ? Future.succeededFuture() : vertx.close();
  }
}
