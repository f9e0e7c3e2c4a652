package io.chorus.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(VertxExtension.class)
@DisplayName("The configuration shipped in conf/")
class ShippedConfigurationTest {

  @Test
  @DisplayName("application.yaml loads cleanly on its own, straight from the repository's conf directory")
  void baseLoads(Vertx vertx, VertxTestContext ctx) {
    ChorusConfig.load(vertx, ConfigSource.of(ConfDir.shipped())).onComplete(ctx.succeeding(config -> ctx.verify(() -> {
      assertThat(config.getJsonObject("http").getInteger("port")).isEqualTo(8080);
      assertThat(config.getJsonObject("auth").getValue("bootstrapToken")).isNull();
      assertThat(config.getJsonArray("brands")).isEmpty();
      assertThat(config.getJsonObject("platforms").fieldNames())
          .containsExactlyInAnyOrderElementsOf(ConfDir.PLATFORMS);
      ctx.completeNow();
    })));
  }

  @Test
  @DisplayName("the demo profile loads cleanly, pointing every platform at the simulator, and its demo tokens resolve")
  void demoLoads(Vertx vertx, VertxTestContext ctx) {
    ConfigSource demo = ConfigSource.of(ConfDir.shipped()).withProfile("demo");
    ChorusConfig.load(vertx, demo).onComplete(ctx.succeeding(config -> ctx.verify(() -> {
      assertThat(config.getJsonObject("simulator").getInteger("latencyMs")).isEqualTo(50);
      assertThat(config.getJsonObject("platforms").getJsonObject("x").getString("baseUrl"))
          .isEqualTo("http://127.0.0.1:8089/x");
      assertThat(config.getJsonObject("platforms").getJsonObject("x").getInteger("timeoutMs")).isEqualTo(10000);
      JsonObject brand = config.getJsonArray("brands").getJsonObject(0);
      assertThat(brand.getString("id")).isEqualTo("northwind");
      assertThat(brand.getJsonArray("accounts").getJsonObject(1).getString("accessToken")).isEqualTo("northwind-x");
      assertThat(config.getJsonArray("campaigns").getJsonObject(0).getJsonArray("platforms")).hasSize(5);
      ctx.completeNow();
    })));
  }

  @Test
  @DisplayName("the demo profile loads with the platforms pointed wherever the simulator really listens, as chorus demo does")
  void demoWithSimulatorPort(Vertx vertx, VertxTestContext ctx, @TempDir Path temp) {
    ChorusConfig.load(vertx, ConfDir.copyOfShipped(temp).demo()).onComplete(ctx.succeeding(config -> ctx.verify(() -> {
      assertThat(config.getJsonObject("platforms").getJsonObject("tiktok").getString("baseUrl"))
          .isEqualTo("http://127.0.0.1:1/tiktok");
      ctx.completeNow();
    })));
  }

  @Test
  @DisplayName("the demo profile is refused when a platform points back at its real API, since demo tokens only work locally")
  void demoNeedsTheSimulator(Vertx vertx, VertxTestContext ctx) {
    ConfigSource demo = ConfigSource.of(ConfDir.shipped()).withProfile("demo")
        .withOverride("platforms.x.baseUrl", "https://api.x.com");
    ConfDir.expectProblems(ctx, ChorusConfig.load(vertx, demo), problems -> assertThat(problems).containsExactly(
        "brands[0].accounts[1].accessToken: \"demo:northwind-x\" is a demo secret but platforms.x.baseUrl"
            + " \"https://api.x.com\" is not on this machine; expected env:VAR or file:/path, or a baseUrl on"
            + " 127.0.0.0/8, ::1 or localhost (the simulator)"));
  }
}
