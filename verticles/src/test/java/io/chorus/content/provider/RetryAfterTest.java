package io.chorus.content.provider;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.MultiMap;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("How long a provider asked us to wait")
class RetryAfterTest {

  @Test
  @DisplayName("retry-after-ms wins, then retry-after in seconds")
  void retryAfterHeaders() {
    assertThat(ErrorStatus.retryAfterMs(MultiMap.caseInsensitiveMultiMap().add("retry-after-ms", "1500")
        .add("retry-after", "9"))).isEqualTo(1500);
    assertThat(ErrorStatus.retryAfterMs(MultiMap.caseInsensitiveMultiMap().add("retry-after", "9"))).isEqualTo(9000);
  }

  @Test
  @DisplayName("without retry-after, OpenAI's x-ratelimit-reset durations count, the longest first")
  void openAiResets() {
    MultiMap headers = MultiMap.caseInsensitiveMultiMap().add("x-ratelimit-reset-requests", "1m30s")
        .add("x-ratelimit-reset-tokens", "12ms");
    assertThat(ErrorStatus.retryAfterMs(headers)).isEqualTo(90_000);
    assertThat(ErrorStatus.duration("6.5s")).isEqualTo(6500);
  }

  @Test
  @DisplayName("without retry-after, Anthropic's reset instant of a spent limit counts")
  void anthropicResets() {
    MultiMap headers = MultiMap.caseInsensitiveMultiMap()
        .add("anthropic-ratelimit-requests-remaining", "0")
        .add("anthropic-ratelimit-requests-reset", Instant.now().plusSeconds(20).toString())
        .add("anthropic-ratelimit-tokens-remaining", "5000")
        .add("anthropic-ratelimit-tokens-reset", Instant.now().plusSeconds(50).toString());
    assertThat(ErrorStatus.retryAfterMs(headers)).isBetween(15_000L, 20_000L);
  }

  @Test
  @DisplayName("backoff doubles from initialMs, stays under maxMs, and never undercuts the provider's wait")
  void backoff() {
    RetryPolicy policy = new RetryPolicy(5, 100, 1000, 0);
    assertThat(policy.delayMs(1, 0)).isEqualTo(100);
    assertThat(policy.delayMs(3, 0)).isEqualTo(400);
    assertThat(policy.delayMs(9, 0)).isEqualTo(1000);
    assertThat(policy.delayMs(1, 5000)).isEqualTo(5000);
    assertThat(new RetryPolicy(5, 100, 1000, 0.2).delayMs(2, 0)).isBetween(160L, 240L);
  }
}
