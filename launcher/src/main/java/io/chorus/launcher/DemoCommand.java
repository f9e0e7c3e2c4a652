package io.chorus.launcher;

import io.chorus.config.ConfigException;
import io.vertx.core.Vertx;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code chorus demo}: everything on one node, against the simulator, with the demo brand. */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = "Runs all of Chorus on this machine against the built-in platform simulator, "
        + "with the example brand and campaign of conf/application-demo.yaml. No accounts needed.")
final class DemoCommand implements Callable<Integer> {
  static final String PROFILE = "demo";

  @Mixin
  ConfigOptions configOptions;

  @Option(names = "--port", paramLabel = "N", defaultValue = "8080",
      description = "Port of the dashboard and API (default: ${DEFAULT-VALUE}).")
  int port;

  @Override
  public Integer call() {
    Map<String, Object> overrides = new HashMap<>();
    overrides.put("http.port", port);
    Vertx vertx = Vertx.vertx();
    try {
      configOptions.load(vertx, PROFILE, overrides);
      Demo demo = Launch.await(Demo.start(vertx,
          extra -> configOptions.loadAsync(vertx, PROFILE, extra), overrides));
      printWelcome(demo);
      return Launch.runUntilStopped(nothing -> demo.stop(), vertx);
    } catch (ConfigException problems) {
      vertx.close();
      return Launch.reportProblems(problems, System.err);
    } catch (Exception failed) {
      vertx.close();
      System.err.println("chorus: the demo could not start: " + failed.getMessage());
      return Launch.COULD_NOT_START;
    }
  }

  private static void printWelcome(Demo demo) {
    String web = "http://localhost:" + demo.node().webPort();
    System.out.println();
    System.out.println("Chorus demo is running.");
    System.out.println("  Dashboard      " + web + "/");
    System.out.println("  Published      " + web + "/api/v1/posts?state=PUBLISHED");
    System.out.println("  Live stream    " + web + "/api/v1/stream");
    System.out.println("  Health         " + web + "/health/ready");
    if (demo.generatedToken() != null) {
      System.out.println("  Admin token    " + demo.generatedToken());
      System.out.println("                 (made for this run; sign in to the dashboard with it, or send it as");
      System.out.println("                 'Authorization: Bearer ...'. Set CHORUS_BOOTSTRAP_TOKEN to choose your own.)");
    } else if (demo.config().getJsonObject("auth").getBoolean("required", true)) {
      System.out.println("  Admin token    the value of auth.bootstrapToken (CHORUS_BOOTSTRAP_TOKEN)");
    }
    SimulatorCommand.printPaths(demo.simulator());
    System.out.println("Press Ctrl-C to stop.");
  }
}
