package io.chorus.launcher;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/** What this node runs and whether it joins a cluster: the {@code node} and {@code cluster} sections. */
record NodeOptions(List<String> roles, boolean clustered, String clusterHost, int clusterPort,
    List<String> clusterMembers) {

  static NodeOptions fromConfig(JsonObject config) {
    JsonObject cluster = config.getJsonObject("cluster");
    return new NodeOptions(
        strings(config.getJsonObject("node").getJsonArray("roles")),
        cluster.getBoolean("enabled"),
        cluster.getString("host"),
        cluster.getInteger("port"),
        strings(cluster.getJsonArray("members")));
  }

  private static List<String> strings(JsonArray array) {
    List<String> values = new ArrayList<>();
    array.forEach(value -> values.add(String.valueOf(value)));
    return values;
  }
}
