package io.chorus.platform.signal;

import static org.assertj.core.api.Assertions.assertThat;

import io.chorus.contracts.Platform;
import io.vertx.core.MultiMap;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("What a throttled answer says about the quota that ran out and when it returns")
class RateSignalsTest {

  private static final long NOW = Instant.parse("2026-12-02T13:00:00Z").toEpochMilli();
  private static final long NOW_SECONDS = NOW / 1000;

  private static MultiMap headers(String... pairs) {
    MultiMap headers = MultiMap.caseInsensitiveMultiMap();
    for (int i = 0; i < pairs.length; i += 2) {
      headers.add(pairs[i], pairs[i + 1]);
    }
    return headers;
  }

  @Test
  @DisplayName("X: a spent 15-minute window waits for x-rate-limit-reset, for the account")
  void xWindow() {
    Throttle throttle = RateSignals.read(Platform.X, headers("x-rate-limit-limit", "100", "x-rate-limit-remaining", "0",
        "x-rate-limit-reset", String.valueOf(NOW_SECONDS + 120), "x-user-limit-24hour-remaining", "40",
        "x-user-limit-24hour-reset", String.valueOf(NOW_SECONDS + 50_000)), new JsonObject(), NOW);
    assertThat(throttle).isEqualTo(new Throttle(Throttle.Scope.ACCOUNT, 120_000));
  }

  @Test
  @DisplayName("X: a spent 24-hour user cap waits for x-user-limit-24hour-reset, however soon the window resets")
  void xUserDay() {
    Throttle throttle = RateSignals.read(Platform.X, headers("x-rate-limit-remaining", "7",
        "x-rate-limit-reset", String.valueOf(NOW_SECONDS + 120), "x-user-limit-24hour-remaining", "0",
        "x-user-limit-24hour-reset", String.valueOf(NOW_SECONDS + 50_000)), new JsonObject(), NOW);
    assertThat(throttle).isEqualTo(new Throttle(Throttle.Scope.ACCOUNT, 50_000_000));
  }

  @Test
  @DisplayName("X: a spent 24-hour app cap, or a usage-capped problem, pauses the whole app")
  void xAppDay() {
    Throttle capped = RateSignals.read(Platform.X, headers("x-app-limit-24hour-remaining", "0",
        "x-app-limit-24hour-reset", String.valueOf(NOW_SECONDS + 3_600)), new JsonObject(), NOW);
    assertThat(capped).isEqualTo(new Throttle(Throttle.Scope.APP, 3_600_000));
    Throttle usageCapped = RateSignals.read(Platform.X, headers(),
        new JsonObject().put("type", "https://api.twitter.com/2/problems/usage-capped"), NOW);
    assertThat(usageCapped.scope()).isEqualTo(Throttle.Scope.APP);
  }

  @Test
  @DisplayName("Meta: a business-use-case throttle waits the longest estimated_time_to_regain_access, for the account")
  void graphBusinessUseCase() {
    String usage = "{\"104857600000001\":[{\"type\":\"pages\",\"call_count\":100,\"total_cputime\":25,"
        + "\"total_time\":25,\"estimated_time_to_regain_access\":7},{\"type\":\"pages\",\"call_count\":9,"
        + "\"estimated_time_to_regain_access\":0}]}";
    Throttle throttle = RateSignals.read(Platform.FACEBOOK, headers("X-Business-Use-Case-Usage", usage),
        new JsonObject().put("error", new JsonObject().put("code", 80001)), NOW);
    assertThat(throttle).isEqualTo(new Throttle(Throttle.Scope.ACCOUNT, 7 * 60_000));
  }

  @Test
  @DisplayName("Meta: codes 4 and 341, or an X-App-Usage share at 100, pause the app; 17, 32 and 613 the account")
  void graphScopes() {
    assertThat(RateSignals.read(Platform.INSTAGRAM, headers(), graphError(4), NOW).scope()).isEqualTo(Throttle.Scope.APP);
    assertThat(RateSignals.read(Platform.FACEBOOK, headers(), graphError(341), NOW).scope()).isEqualTo(Throttle.Scope.APP);
    assertThat(RateSignals.read(Platform.FACEBOOK,
        headers("X-App-Usage", "{\"call_count\":12,\"total_cputime\":3,\"total_time\":100}"), graphError(613), NOW).scope())
        .isEqualTo(Throttle.Scope.APP);
    for (int code : new int[] {17, 32, 613}) {
      assertThat(RateSignals.read(Platform.FACEBOOK, headers("X-App-Usage", "{\"call_count\":40}"), graphError(code), NOW))
          .isEqualTo(new Throttle(Throttle.Scope.ACCOUNT, Throttle.UNSTATED));
    }
  }

  @Test
  @DisplayName("Meta: a full ad account waits its reset_time_duration")
  void graphAdAccount() {
    Throttle throttle = RateSignals.read(Platform.FACEBOOK,
        headers("X-Ad-Account-Usage", "{\"acc_id_util_pct\":100,\"reset_time_duration\":90}"), graphError(17), NOW);
    assertThat(throttle.waitMs()).isEqualTo(90_000);
  }

  @Test
  @DisplayName("LinkedIn: a daily throttle waits until midnight UTC; an application-only one pauses the app")
  void linkedInDaily() {
    Throttle member = RateSignals.read(Platform.LINKEDIN, headers(), new JsonObject().put("message",
        "Resource level throttle APPLICATION AND MEMBER DAY limit for calls to this resource is reached."), NOW);
    assertThat(member).isEqualTo(new Throttle(Throttle.Scope.ACCOUNT, 11 * 3_600_000L));
    Throttle app = RateSignals.read(Platform.LINKEDIN, headers(), new JsonObject().put("message",
        "Resource level throttle APPLICATION DAY limit for calls to this resource is reached."), NOW);
    assertThat(app.scope()).isEqualTo(Throttle.Scope.APP);
  }

  @Test
  @DisplayName("TikTok and any platform: Retry-After in seconds or as a date, else an unstated wait")
  void retryAfter() {
    assertThat(RateSignals.read(Platform.TIKTOK, headers("Retry-After", "30"), new JsonObject(), NOW).waitMs())
        .isEqualTo(30_000);
    assertThat(RateSignals.read(Platform.TIKTOK, headers("Retry-After", "Wed, 02 Dec 2026 13:01:00 GMT"),
        new JsonObject(), NOW).waitMs()).isEqualTo(60_000);
    assertThat(RateSignals.read(Platform.TIKTOK, headers(), new JsonObject(), NOW))
        .isEqualTo(new Throttle(Throttle.Scope.ACCOUNT, Throttle.UNSTATED));
    assertThat(new Throttle(Throttle.Scope.ACCOUNT, Throttle.UNSTATED).orWait(60_000).waitMs()).isEqualTo(60_000);
  }

  @Test
  @DisplayName("a stated reset that has already passed is a wait of 0, not an unstated one")
  void passedReset() {
    Throttle throttle = RateSignals.read(Platform.X, headers("x-rate-limit-remaining", "0",
        "x-rate-limit-reset", String.valueOf(NOW_SECONDS - 1)), new JsonObject(), NOW);
    assertThat(throttle.waitMs()).isZero();
    assertThat(throttle.orWait(60_000).waitMs()).isZero();
  }

  private static JsonObject graphError(int code) {
    return new JsonObject().put("error", new JsonObject().put("code", code));
  }
}
