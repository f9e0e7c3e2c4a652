package io.chorus.content;

import static org.assertj.core.api.Assertions.assertThat;

import io.chorus.config.ChorusConfig;
import io.chorus.config.ConfigSource;
import io.chorus.content.provider.ProviderOptions;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@DisplayName("Which providers write, from the shipped configuration")
class ProviderSwitchTest {
  private static final Path CONF = Path.of(System.getProperty("chorus.conf.dir", "../conf"));

  @Test
  @DisplayName("with no key anywhere only the offline generator writes")
  void offlineByDefault(Vertx vertx, VertxTestContext ctx) {
    ChorusConfig.load(vertx, ConfigSource.of(CONF)).onComplete(ctx.succeeding(config -> ctx.verify(() -> {
      assertThat(ContentConfig.fromJson(config).providers()).isEmpty();
      assertThat(ContentConfig.fromJson(config).maxConnections()).isEqualTo(64);
      ctx.completeNow();
    })));
  }

  @Test
  @DisplayName("one environment variable with a key puts real OpenAI in the chain")
  void oneVariableSwitchesOpenAiOn(Vertx vertx, VertxTestContext ctx) {
    ConfigSource source = ConfigSource.of(CONF).withEnv(Map.of("CHORUS_CONTENT_PROVIDERS_OPENAI_API_KEYS", "sk-one,sk-two",
        "CHORUS_CONTENT_MAX_CONNECTIONS", "8"));
    ChorusConfig.load(vertx, source).onComplete(ctx.succeeding(config -> ctx.verify(() -> {
      ProviderOptions openai = ContentConfig.fromJson(config).providers().get(0);
      assertThat(openai.getName()).isEqualTo("openai");
      assertThat(openai.getBaseUrl()).isEqualTo("https://api.openai.com/v1");
      assertThat(openai.getApiKeys()).containsExactly("sk-one", "sk-two");
      assertThat(ContentConfig.fromJson(config).maxConnections()).isEqualTo(8);
      ctx.completeNow();
    })));
  }

  @Test
  @DisplayName("the variable may instead name where the key is, as an env: reference")
  void referenceResolves(Vertx vertx, VertxTestContext ctx) {
    ConfigSource source = ConfigSource.of(CONF).withEnv(Map.of(
        "CHORUS_CONTENT_PROVIDERS_ANTHROPIC_API_KEYS", "env:ANTHROPIC_API_KEY", "ANTHROPIC_API_KEY", "sk-ant-real"));
    ChorusConfig.load(vertx, source).onComplete(ctx.succeeding(config -> ctx.verify(() -> {
      assertThat(ContentConfig.fromJson(config).providers()).singleElement()
          .satisfies(anthropic -> assertThat(anthropic.getApiKeys()).containsExactly("sk-ant-real"));
      ctx.completeNow();
    })));
  }

  @Test
  @DisplayName("the demo profile writes with the simulated Anthropic and OpenAI-compatible providers, then offline")
  void demoUsesSimulatedProviders(Vertx vertx, VertxTestContext ctx) {
    ChorusConfig.load(vertx, ConfigSource.of(CONF).withProfile("demo")).onComplete(ctx.succeeding(config -> ctx.verify(() -> {
      assertThat(ContentConfig.fromJson(config).providers()).extracting(ProviderOptions::getName)
          .containsExactly("anthropic", "local");
      assertThat(ContentConfig.fromJson(config).providers()).extracting(ProviderOptions::getBaseUrl)
          .containsExactly("http://127.0.0.1:8089/anthropic", "http://127.0.0.1:8089/openai/v1");
      ctx.completeNow();
    })));
  }
}
