package io.chorus.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(VertxExtension.class)
@DisplayName("Configuration layers")
class ConfigLayeringTest {
  private ConfDir conf;

  @BeforeEach
  void copyConf(@TempDir Path temp) {
    conf = ConfDir.copyOfShipped(temp);
  }

  @Test
  @DisplayName("system properties beat environment variables, which beat --config, which beats the profile, which beats the base")
  void precedence(Vertx vertx, VertxTestContext ctx) {
    conf.write("application-staging.yaml", """
        http: {port: 8081}
        pipeline: {batchSize: 60}
        metrics: {liveIntervalMs: 500}
        sse: {heartbeatMs: 1000}
        """);
    Path extra = conf.write("extra.yaml", """
        http: {port: 8082}
        pipeline: {batchSize: 61}
        sse: {heartbeatMs: 2000}
        """);
    ConfigSource source = conf.source().withProfile("staging").withConfigFile(extra)
        .withEnv(Map.of("CHORUS_HTTP_PORT", "8083", "CHORUS_PIPELINE_BATCH_SIZE", "70"))
        .withSystemProperties(Map.of("chorus.http.port", "8084"));
    ChorusConfig.load(vertx, source).onComplete(ctx.succeeding(config -> ctx.verify(() -> {
      assertThat(config.getJsonObject("http").getInteger("port")).isEqualTo(8084);
      assertThat(config.getJsonObject("pipeline").getInteger("batchSize")).isEqualTo(70);
      assertThat(config.getJsonObject("sse").getInteger("heartbeatMs")).isEqualTo(2000);
      assertThat(config.getJsonObject("metrics").getInteger("liveIntervalMs")).isEqualTo(500);
      assertThat(config.getJsonObject("leader").getInteger("planIntervalMs")).isEqualTo(2000);
      assertThat(config.getJsonObject("http").getString("host")).isEqualTo("0.0.0.0");
      ctx.completeNow();
    })));
  }

  @Test
  @DisplayName("overrides are applied last, over system properties")
  void overridesLast(Vertx vertx, VertxTestContext ctx) {
    ConfigSource source = conf.source()
        .withSystemProperties(Map.of("chorus.platforms.x.baseUrl", "http://127.0.0.1:2/x"))
        .withOverride("platforms.x.baseUrl", "http://127.0.0.1:3/x");
    ChorusConfig.load(vertx, source).onComplete(ctx.succeeding(config -> ctx.verify(() -> {
      assertThat(config.getJsonObject("platforms").getJsonObject("x").getString("baseUrl"))
          .isEqualTo("http://127.0.0.1:3/x");
      ctx.completeNow();
    })));
  }

  @Test
  @DisplayName("an overlay replaces lists instead of appending to them, and merges mappings key by key")
  void listsReplaced(Vertx vertx, VertxTestContext ctx) {
    conf.write("application-cluster.yaml", """
        node: {roles: [leader]}
        cluster: {enabled: true, members: [10.0.0.1, 10.0.0.2]}
        """);
    ChorusConfig.load(vertx, conf.source().withProfile("cluster")).onComplete(ctx.succeeding(config -> ctx.verify(() -> {
      assertThat(config.getJsonObject("node").getJsonArray("roles")).isEqualTo(new JsonArray().add("leader"));
      assertThat(config.getJsonObject("cluster").getJsonArray("members")).containsExactly("10.0.0.1", "10.0.0.2");
      assertThat(config.getJsonObject("cluster").getInteger("port")).isEqualTo(5701);
      ctx.completeNow();
    })));
  }

  @Test
  @DisplayName("an overlay of comments only changes nothing")
  void commentsOnlyOverlay(Vertx vertx, VertxTestContext ctx) {
    conf.write("application-quiet.yaml", "# nothing to change yet\n");
    ChorusConfig.load(vertx, conf.source().withProfile("quiet")).onComplete(ctx.succeeding(config -> ctx.verify(() -> {
      assertThat(config.getJsonObject("http").getInteger("port")).isEqualTo(8080);
      ctx.completeNow();
    })));
  }

  @Test
  @DisplayName("environment variables are read as their key's type: lists, booleans, numbers, null and nested platform keys")
  void envTypes(Vertx vertx, VertxTestContext ctx) {
    ConfigSource source = conf.source().withEnv(Map.of(
        "CHORUS_NODE_ROLES", "leader, web",
        "CHORUS_DATABASE_MIGRATE_ON_START", "FALSE",
        "CHORUS_RATE_LIMIT_LOCAL_FALLBACK_FRACTION", "0.5",
        "CHORUS_PIPELINE_BACKOFF_JITTER", "1",
        "CHORUS_PLATFORMS_X_BASE_URL", "http://127.0.0.1:9/x",
        "CHORUS_PLATFORMS_TIKTOK_RATE_LIMIT_PERIOD_SECONDS", "120",
        "CHORUS_DATABASE_PASSWORD", "null",
        "CHORUS_PIPELINE_POLL_INTERVAL_MS", "100"));
    ChorusConfig.load(vertx, source).onComplete(ctx.succeeding(config -> ctx.verify(() -> {
      assertThat(config.getJsonObject("node").getJsonArray("roles")).containsExactly("leader", "web");
      assertThat(config.getJsonObject("database").getBoolean("migrateOnStart")).isFalse();
      assertThat(config.getJsonObject("database").getValue("password")).isNull();
      assertThat(config.getJsonObject("rateLimit").getDouble("localFallbackFraction")).isEqualTo(0.5);
      assertThat(config.getJsonObject("pipeline").getJsonObject("backoff").getDouble("jitter")).isEqualTo(1.0);
      assertThat(config.getJsonObject("pipeline").getInteger("pollIntervalMs")).isEqualTo(100);
      JsonObject platforms = config.getJsonObject("platforms");
      assertThat(platforms.getJsonObject("x").getString("baseUrl")).isEqualTo("http://127.0.0.1:9/x");
      assertThat(platforms.getJsonObject("tiktok").getJsonObject("rateLimit").getInteger("periodSeconds")).isEqualTo(120);
      ctx.completeNow();
    })));
  }

  @Test
  @DisplayName("CHORUS_BOOTSTRAP_TOKEN sets auth.bootstrapToken, and CHORUS_AUTH_BOOTSTRAP_TOKEN wins when both are set")
  void bootstrapTokenAlias(Vertx vertx, VertxTestContext ctx) {
    ConfigSource alias = conf.source().withEnv(Map.of("CHORUS_BOOTSTRAP_TOKEN", "first-admin-token-0001"));
    ConfigSource both = conf.source().withEnv(Map.of(
        "CHORUS_BOOTSTRAP_TOKEN", "first-admin-token-0001", "CHORUS_AUTH_BOOTSTRAP_TOKEN", "own-name-token-00001"));
    Future.all(ChorusConfig.load(vertx, alias), ChorusConfig.load(vertx, both))
        .onComplete(ctx.succeeding(loaded -> ctx.verify(() -> {
          JsonObject fromAlias = loaded.resultAt(0);
          JsonObject fromBoth = loaded.resultAt(1);
          assertThat(fromAlias.getJsonObject("auth").getString("bootstrapToken")).isEqualTo("first-admin-token-0001");
          assertThat(fromBoth.getJsonObject("auth").getString("bootstrapToken")).isEqualTo("own-name-token-00001");
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("unknown CHORUS_ variables and chorus. properties are warnings, not errors; the launcher's own names are neither")
  void unknownNamesWarn(Vertx vertx, VertxTestContext ctx) {
    ConfigSource source = conf.source()
        .withEnv(Map.of("CHORUS_HTTP_PROT", "1", "CHORUS_PROFILE", "demo", "CHORUS_CONF_DIR", "/etc/chorus",
            "PATH", "/usr/bin"))
        .withSystemProperties(Map.of("chorus.conf.dir", "/etc/chorus", "chorus.htp.port", "1"));
    ChorusConfig.loadWithWarnings(vertx, source).onComplete(ctx.succeeding(loaded -> ctx.verify(() -> {
      assertThat(loaded.warnings()).containsExactly(
          "CHORUS_HTTP_PROT is not a configuration key and was ignored (did you mean CHORUS_HTTP_PORT?)",
          "chorus.htp.port is not a configuration key and was ignored (did you mean chorus.http.port?)");
      assertThat(loaded.config().getJsonObject("http").getInteger("port")).isEqualTo(8080);
      ctx.completeNow();
    })));
  }

  @Test
  @DisplayName("an environment variable or system property that does not read as its key's type names the variable and the key")
  void unreadableValues(Vertx vertx, VertxTestContext ctx) {
    ConfigSource source = conf.source()
        .withEnv(Map.of("CHORUS_HTTP_PORT", "abc", "CHORUS_RATE_LIMIT_LOCAL_FALLBACK_FRACTION", "half"))
        .withSystemProperties(Map.of("chorus.cluster.enabled", "maybe"));
    ConfDir.expectProblems(ctx, ChorusConfig.load(vertx, source), problems -> assertThat(problems).containsExactly(
        "http.port: \"abc\" from CHORUS_HTTP_PORT is not an integer; expected an integer from 0 to 65535",
        "rateLimit.localFallbackFraction: \"half\" from CHORUS_RATE_LIMIT_LOCAL_FALLBACK_FRACTION is not a number;"
            + " expected a number from 0 to 1",
        "cluster.enabled: \"maybe\" from -Dchorus.cluster.enabled is not true or false; expected true or false"));
  }
}
