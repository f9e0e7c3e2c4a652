package io.chorus.launcher;

import io.chorus.config.ConfigException;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code chorus run}: one node of Chorus with the roles it is given. */
@Command(name = "run", mixinStandardHelpOptions = true,
    description = "Runs a Chorus node: the verticles of its roles, alone or in a cluster.")
final class RunCommand implements Callable<Integer> {
  private static final Logger LOG = LoggerFactory.getLogger(RunCommand.class);

  @Mixin
  ConfigOptions configOptions;

  @Option(names = "--roles", split = ",", paramLabel = "ROLE",
      description = "Roles this node runs (default: node.roles, i.e. all): all, content, facebook, x, "
          + "instagram, linkedin, tiktok, pipeline, metrics, events, leader, tenants, web.")
  List<String> roles;

  @Option(names = "--cluster", description = "Join the Hazelcast cluster configured under cluster.")
  boolean cluster;

  @Override
  public Integer call() {
    Map<String, Object> overrides = new HashMap<>();
    if (roles != null) {
      overrides.put("node.roles", roles);
    }
    if (cluster) {
      overrides.put("cluster.enabled", true);
    }
    return start(configOptions, null, overrides);
  }

  /** Loads the configuration, starts a node and serves until SIGTERM. */
  static int start(ConfigOptions configOptions, String defaultProfile, Map<String, Object> overrides) {
    JsonObject config;
    Vertx loader = Vertx.vertx();
    try {
      config = configOptions.load(loader, defaultProfile, overrides);
    } catch (ConfigException problems) {
      return Launch.reportProblems(problems, System.err);
    } finally {
      loader.close();
    }
    try {
      Vertx vertx = Launch.vertx(config);
      ChorusNode node;
      try {
        node = Launch.await(ChorusNode.start(vertx, config));
      } catch (Exception failed) {
        vertx.close();
        throw failed;
      }
      LOG.info("Chorus node started{}", node.webPort() > 0 ? "; web on port " + node.webPort() : "");
      return Launch.runUntilStopped(nothing -> node.stop(), vertx);
    } catch (Exception failed) {
      System.err.println("chorus: could not start: " + failed.getMessage());
      return Launch.COULD_NOT_START;
    }
  }
}
