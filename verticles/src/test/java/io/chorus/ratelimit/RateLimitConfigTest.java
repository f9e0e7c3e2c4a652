package io.chorus.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.config.ConfigRetriever;
import io.vertx.config.ConfigRetrieverOptions;
import io.vertx.config.ConfigStoreOptions;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@DisplayName("Rate limits read from the Chorus configuration")
class RateLimitConfigTest {

  @Test
  @DisplayName("conf/application.yaml yields the limiter options and a quota for every platform")
  void readsTheShippedConfiguration(Vertx vertx, VertxTestContext ctx) {
    Path yaml = Path.of(System.getProperty("chorus.conf.dir", "../conf"), "application.yaml");
    ConfigStoreOptions file = new ConfigStoreOptions().setType("file").setFormat("yaml")
        .setConfig(new JsonObject().put("path", yaml.toString()));
    ConfigRetriever.create(vertx, new ConfigRetrieverOptions().addStore(file)).getConfig()
        .onComplete(ctx.succeeding(config -> ctx.verify(() -> {
          RateLimiterOptions options = RateLimiterOptions.fromConfig(config);
          assertThat(options.getRedisUri()).isEqualTo(config.getJsonObject("redis").getString("uri"));
          assertThat(options.getConnectTimeoutMs()).isEqualTo(1000);
          assertThat(options.getRetryAfterFailureMs()).isEqualTo(5000);
          assertThat(options.getLocalFallbackFraction()).isEqualTo(0.25);
          assertThat(options.getKeyPrefix()).isEqualTo(RateLimiterOptions.DEFAULT_KEY_PREFIX);
          JsonObject platforms = config.getJsonObject("platforms");
          assertThat(platforms.fieldNames()).allSatisfy(platform ->
              assertThat(Quota.fromJson(platforms.getJsonObject(platform).getJsonObject("rateLimit")).requests()).isPositive());
          assertThat(Quota.fromJson(platforms.getJsonObject("tiktok").getJsonObject("rateLimit")))
              .isEqualTo(new Quota(6, Duration.ofSeconds(60)));
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("a quota without requests or with a zero period is refused, naming what is wrong")
  void refusesBadQuotas() {
    assertThatThrownBy(() -> Quota.fromJson(new JsonObject().put("periodSeconds", 60)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("requests");
    assertThatThrownBy(() -> new Quota(0, Duration.ofSeconds(60)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("requests");
    assertThatThrownBy(() -> new Quota(5, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("period");
  }

  @Test
  @DisplayName("a fallback fraction outside 0..1 is refused")
  void refusesBadFractions() {
    assertThatThrownBy(() -> new RateLimiterOptions().setLocalFallbackFraction(1.5))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("localFallbackFraction");
  }
}
