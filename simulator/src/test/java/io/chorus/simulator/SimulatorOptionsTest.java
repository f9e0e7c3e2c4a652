package io.chorus.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class SimulatorOptionsTest {

  @Test
  @DisplayName("the simulator section sets host, port, latency and processing; missing keys keep defaults")
  void readsTheSimulatorSection() {
    SimulatorOptions options = SimulatorOptions.fromJson(new JsonObject().put("port", 8089).put("latencyMs", 50));
    assertThat(options.getHost()).isEqualTo(SimulatorOptions.DEFAULT_HOST);
    assertThat(options.getPort()).isEqualTo(8089);
    assertThat(options.getLatencyMs()).isEqualTo(50);
    assertThat(options.getProcessingMs()).isEqualTo(SimulatorOptions.DEFAULT_PROCESSING_MS);
    assertThat(SimulatorOptions.fromJson(null).getPort()).isEqualTo(SimulatorOptions.DEFAULT_PORT);
  }

  @Test
  @DisplayName("quotas come from the quotas object of the section; those it leaves out keep the documented ones")
  void readsQuotas() {
    SimulatorOptions options = SimulatorOptions.fromJson(new JsonObject()
        .put("quotas", new JsonObject().put("tiktokInitsPerMinute", 1000).put("linkedinPostsPerDay", 5000)));
    assertThat(options.getTiktokInitsPerMinute()).isEqualTo(1000);
    assertThat(options.getLinkedinPostsPerDay()).isEqualTo(5000);
    assertThat(options.getTiktokStatusPerMinute()).isEqualTo(SimulatorOptions.DEFAULT_TIKTOK_STATUS_PER_MINUTE);
    assertThat(options.getXPostsPer15Min()).isEqualTo(SimulatorOptions.DEFAULT_X_POSTS_PER_15_MIN);
  }

  @Test
  @DisplayName("with latency configured, platform calls still succeed and base URLs name the bound port")
  void answersWithLatency(Vertx vertx, VertxTestContext ctx) {
    WebClient client = WebClient.create(vertx);
    Simulator.create(vertx, new SimulatorOptions().setLatencyMs(30)).listen()
        .compose(simulator -> {
          ctx.verify(() -> {
            assertThat(simulator.actualPort()).isPositive();
            assertThat(simulator.baseUrl("x")).isEqualTo("http://127.0.0.1:" + simulator.actualPort() + "/x");
          });
          return client.postAbs(simulator.baseUrl("x") + "/2/tweets").bearerTokenAuthentication("user-a")
              .sendJsonObject(new JsonObject().put("text", "slow but sure"))
              .compose(response -> simulator.close().map(response));
        })
        .onComplete(ctx.succeeding(response -> ctx.verify(() -> {
          assertThat(response.statusCode()).isEqualTo(201);
          ctx.completeNow();
        })));
  }
}
