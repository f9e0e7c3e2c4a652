package io.chorus.launcher;

import io.chorus.contracts.Platform;
import io.chorus.simulator.Simulator;
import io.chorus.simulator.SimulatorOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The whole of Chorus on one node with the simulator standing in for the platforms: the simulator
 * starts first, then the configuration is loaded again with every platform's base URL (and the
 * media base URL, and the LLM providers the profile points at the simulator) pointing at wherever
 * it listens, then the node starts with every role. When the API demands tokens and none is
 * configured, the demo makes a bootstrap token of its own for this run, to be printed.
 */
public final class Demo {
  private static final Pattern SIMULATED_PROVIDER =
      Pattern.compile("^http://(?:127\\.0\\.0\\.1|localhost)(?::\\d+)?(/(?:openai|anthropic)(?:/.*)?)$");
  private static final int GENERATED_TOKEN_BYTES = 32;
  private final Simulator simulator;
  private final ChorusNode node;
  private final JsonObject config;
  private final String generatedToken;

  private Demo(Simulator simulator, ChorusNode node, JsonObject config, String generatedToken) {
    this.simulator = simulator;
    this.node = node;
    this.config = config;
    this.generatedToken = generatedToken;
  }

  /**
   * Starts the demo.
   *
   * @param loadConfig loads and validates the configuration with the given key overrides
   */
  public static Future<Demo> start(Vertx vertx, Function<Map<String, Object>, Future<JsonObject>> loadConfig,
      Map<String, Object> overrides) {
    return loadConfig.apply(overrides)
        .compose(first -> Simulator.create(vertx, SimulatorOptions.fromJson(first.getJsonObject("simulator"))).listen()
        .compose(simulator -> {
          Map<String, Object> pointed = pointedAt(simulator, overrides, first);
          String generated = needsToken(first) ? newToken() : null;
          if (generated != null) {
            pointed.put("auth.bootstrapToken", generated);
          }
          return loadConfig.apply(pointed)
            .compose(config -> ChorusNode.start(vertx, config)
                .map(node -> new Demo(simulator, node, config, generated)))
            .onFailure(failed -> simulator.close());
        }));
  }

  /**
   * The admin token the demo made for this run because none was configured, or null when the
   * configuration has one (CHORUS_BOOTSTRAP_TOKEN) or the API is open.
   */
  public String generatedToken() {
    return generatedToken;
  }

  private static boolean needsToken(JsonObject config) {
    JsonObject auth = config.getJsonObject("auth", new JsonObject());
    return auth.getBoolean("required", true) && auth.getString("bootstrapToken") == null;
  }

  private static String newToken() {
    byte[] bytes = new byte[GENERATED_TOKEN_BYTES];
    new SecureRandom().nextBytes(bytes);
    return "chorus_demo_" + HexFormat.of().formatHex(bytes);
  }

  public Simulator simulator() {
    return simulator;
  }

  public ChorusNode node() {
    return node;
  }

  /** The configuration the node runs with. */
  public JsonObject config() {
    return config;
  }

  public Future<Void> stop() {
    return node.stop().eventually(simulator::close);
  }

  private static Map<String, Object> pointedAt(Simulator simulator, Map<String, Object> overrides, JsonObject first) {
    Map<String, Object> pointed = new HashMap<>(overrides);
    // LLM providers the profile points at the simulator (on this machine, under /openai or
    // /anthropic) follow it to wherever it really listens.
    JsonObject providers = first.getJsonObject("content", new JsonObject()).getJsonObject("providers", new JsonObject());
    for (String provider : providers.fieldNames()) {
      String baseUrl = providers.getJsonObject(provider).getString("baseUrl");
      Matcher simulated = baseUrl == null ? null : SIMULATED_PROVIDER.matcher(baseUrl);
      if (simulated != null && simulated.matches()) {
        pointed.put("content.providers." + provider + ".baseUrl", simulator.baseUrl() + simulated.group(1));
      }
    }
    for (Platform platform : Platform.values()) {
      pointed.put("platforms." + platform.id() + ".baseUrl", simulator.baseUrl(platform.id()));
    }
    pointed.put("media.baseUrl", simulator.baseUrl() + "/media");
    pointed.put("media.publicUrl", "http://127.0.0.1:" + first.getJsonObject("http").getInteger("port") + "/media");
    pointed.put("content.images.openai.baseUrl", simulator.baseUrl() + "/openai");
    pointed.put("content.images.stability.baseUrl", simulator.baseUrl() + "/stability");
    pointed.put("simulator.port", simulator.actualPort());
    return pointed;
  }
}
