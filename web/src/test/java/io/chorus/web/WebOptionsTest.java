package io.chorus.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Web options read from the Chorus configuration")
class WebOptionsTest {

  @Test
  @DisplayName("reads the http, auth and sse sections")
  void readsSections() {
    WebOptions options = WebOptions.fromJson(WebTestSupport.config("t0ken", 250, 4096));

    assertThat(options.host()).isEqualTo(WebTestSupport.HOST);
    assertThat(options.port()).isZero();
    assertThat(options.maxBodyBytes()).isEqualTo(1024);
    assertThat(options.authRequired()).isTrue();
    assertThat(options.heartbeatMs()).isEqualTo(250);
    assertThat(options.maxQueuedBytes()).isEqualTo(4096);
    assertThat(options.replayBufferSize()).isEqualTo(100);
    assertThat(options.agentHealthIntervalMs()).isEqualTo(60_000);
    assertThat(options.readinessTimeoutMs()).isEqualTo(300);
  }

  @Test
  @DisplayName("falls back to the defaults for keys left out, demanding tokens unless told not to")
  void usesDefaults() {
    JsonObject config = new JsonObject()
        .put("http", new JsonObject().put("host", WebTestSupport.HOST).put("port", 0))
        .put("auth", new JsonObject().putNull("bootstrapToken"));

    WebOptions options = WebOptions.fromJson(config);

    assertThat(options.authRequired()).isTrue();
    assertThat(options.tokenQuota()).isEqualTo(WebOptions.DEFAULT_TOKEN_QUOTA);
    assertThat(options.maxBodyBytes()).isEqualTo(WebOptions.DEFAULT_MAX_BODY_BYTES);
    assertThat(options.heartbeatMs()).isEqualTo(WebOptions.DEFAULT_HEARTBEAT_MS);
    assertThat(options.maxQueuedBytes()).isEqualTo(WebOptions.DEFAULT_MAX_QUEUED_BYTES);
    assertThat(options.replayBufferSize()).isEqualTo(WebOptions.DEFAULT_REPLAY_BUFFER_SIZE);
    assertThat(options.agentHealthIntervalMs()).isEqualTo(WebOptions.DEFAULT_AGENT_HEALTH_INTERVAL_MS);
    assertThat(options.requestTimeoutMs()).isEqualTo(WebOptions.DEFAULT_REQUEST_TIMEOUT_MS);
    assertThat(options.readinessTimeoutMs()).isEqualTo(WebOptions.DEFAULT_READINESS_TIMEOUT_MS);
  }

  @Test
  @DisplayName("refuses a token quota without its period and a missing port, naming the key")
  void refusesBadValues() {
    JsonObject noPeriod = WebTestSupport.config("t0ken", 250, 4096);
    noPeriod.getJsonObject("auth").put("rateLimit", new JsonObject().put("requests", 10));
    assertThatThrownBy(() -> WebOptions.fromJson(noPeriod)).hasMessageContaining("auth.rateLimit");
    assertThatThrownBy(() -> WebOptions.fromJson(new JsonObject().put("http", new JsonObject().put("host", "::"))))
        .hasMessageContaining("http.port");
  }
}
