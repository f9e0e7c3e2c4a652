package io.chorus.pipeline.publishing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class BackoffTest {
  private final RandomGenerator random = new SplittableRandom(42);

  @Test
  @DisplayName("without jitter the delay doubles with each attempt until the cap")
  void growsExponentiallyToTheCap() {
    Backoff backoff = new Backoff(100, 1000, 0.0);
    assertThat(backoff.delayMs(1, 0, random)).isEqualTo(100);
    assertThat(backoff.delayMs(2, 0, random)).isEqualTo(200);
    assertThat(backoff.delayMs(3, 0, random)).isEqualTo(400);
    assertThat(backoff.delayMs(4, 0, random)).isEqualTo(800);
    assertThat(backoff.delayMs(5, 0, random)).isEqualTo(1000);
    assertThat(backoff.delayMs(64, 0, random)).isEqualTo(1000);
  }

  @Test
  @DisplayName("jitter spreads a delay evenly around its base, within the configured fraction")
  void jitterStaysWithinBounds() {
    Backoff backoff = new Backoff(1000, 60_000, 0.2);
    long lowest = Long.MAX_VALUE;
    long highest = Long.MIN_VALUE;
    for (int i = 0; i < 2000; i++) {
      long delay = backoff.delayMs(3, 0, random);
      lowest = Math.min(lowest, delay);
      highest = Math.max(highest, delay);
    }
    assertThat(lowest).isBetween(3200L, 3300L);
    assertThat(highest).isBetween(4700L, 4800L);
  }

  @Test
  @DisplayName("the platform's reset time is a floor: no jittered delay comes back before it, even above the cap")
  void platformWaitIsAFloor() {
    Backoff backoff = new Backoff(100, 1000, 0.5);
    for (int i = 0; i < 2000; i++) {
      assertThat(backoff.delayMs(1, 3000, random)).isBetween(3000L, 4500L);
      assertThat(backoff.delayMs(10, 50, random)).isBetween(1000L, 1500L);
    }
  }
}
