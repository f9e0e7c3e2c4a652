package io.chorus.launcher;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import io.vertx.spi.cluster.hazelcast.ConfigUtil;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;

/** Builds the Hazelcast cluster manager from the {@code cluster} section: TCP/IP members, no multicast. */
final class ClusterManagers {
  private ClusterManagers() {}

  static HazelcastClusterManager hazelcast(NodeOptions node) {
    Config config = ConfigUtil.loadConfig().setClusterName("chorus");
    config.setProperty("hazelcast.phone.home.enabled", "false");
    config.setProperty("hazelcast.logging.type", "slf4j");
    config.getNetworkConfig().setPort(node.clusterPort()).setPortAutoIncrement(true);
    config.getNetworkConfig().getInterfaces().setEnabled(true).addInterface(node.clusterHost());
    JoinConfig join = config.getNetworkConfig().getJoin();
    join.getMulticastConfig().setEnabled(false);
    join.getTcpIpConfig().setEnabled(true);
    node.clusterMembers().forEach(member -> join.getTcpIpConfig().addMember(member));
    return new HazelcastClusterManager(config);
  }
}
