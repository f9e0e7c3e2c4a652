package io.chorus.launcher;

import io.chorus.config.ConfigException;
import io.chorus.simulator.Simulator;
import io.chorus.simulator.SimulatorOptions;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code chorus simulator}: the platform stand-ins alone, for pointing other tools at them. */
@Command(name = "simulator", mixinStandardHelpOptions = true,
    description = "Runs the simulated platform APIs (X, Facebook, Instagram, LinkedIn, TikTok) alone.")
final class SimulatorCommand implements Callable<Integer> {
  @Mixin
  ConfigOptions configOptions;

  @Option(names = "--port", paramLabel = "N", description = "Port to listen on (default: simulator.port).")
  Integer port;

  @Override
  public Integer call() {
    Map<String, Object> overrides = new HashMap<>();
    if (port != null) {
      overrides.put("simulator.port", port);
    }
    Vertx vertx = Vertx.vertx();
    try {
      JsonObject config = configOptions.load(vertx, null, overrides);
      Simulator simulator = Launch.await(
          Simulator.create(vertx, SimulatorOptions.fromJson(config.getJsonObject("simulator"))).listen());
      printPaths(simulator);
      return Launch.runUntilStopped(nothing -> simulator.close(), vertx);
    } catch (ConfigException problems) {
      vertx.close();
      return Launch.reportProblems(problems, System.err);
    } catch (Exception failed) {
      vertx.close();
      System.err.println("chorus: could not start the simulator: " + failed.getMessage());
      return Launch.COULD_NOT_START;
    }
  }

  static void printPaths(Simulator simulator) {
    System.out.println("Simulator listening on " + simulator.baseUrl());
    for (String platform : new String[] {"x", "facebook", "instagram", "linkedin", "tiktok"}) {
      System.out.printf("  %-10s %s%n", platform, simulator.baseUrl(platform));
    }
    System.out.println("  recorded   " + simulator.baseUrl() + "/_simulator/posts");
  }
}
