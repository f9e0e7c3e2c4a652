package io.chorus.pipeline.scheduling;

import static io.chorus.pipeline.scheduling.SchedulingFixture.curve;
import static io.chorus.pipeline.scheduling.SchedulingFixture.hours;
import static org.assertj.core.api.Assertions.assertThat;

import io.chorus.contracts.Platform;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Choosing the time a post goes out")
class BestTimeSchedulerTest {
  private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
  /** A Wednesday in summer time: Paris is UTC+2, New York UTC-4. */
  private static final Instant WEDNESDAY = Instant.parse("2026-06-10T00:00:00Z");
  private static final Instant LONG_BEFORE = Instant.parse("2026-01-01T00:00:00Z");

  @Test
  @DisplayName("without history the platform's prior picks the hour: a weekday peak at 11:00 Paris time is 09:00 UTC")
  void priorWithoutHistory() {
    BestTimeScheduler scheduler = scheduler(0, 0, curve(hours(11, 10), hours()), LONG_BEFORE);
    SlotRequest post = request("acme-x", WEDNESDAY.plus(Duration.ofHours(6)), 360, PARIS);

    Instant at = scheduler.schedule(List.of(post), Map.of(), Map.of()).get(post.postId());

    assertThat(at).isEqualTo(Instant.parse("2026-06-10T09:00:00Z"));
  }

  @Test
  @DisplayName("enough history beats the prior; history thinner than minHistorySamples is ignored")
  void historyBeatsPrior() {
    BestTimeScheduler scheduler = scheduler(0, 0, curve(hours(11, 10), hours()), LONG_BEFORE);
    SlotRequest post = request("acme-x", WEDNESDAY.plus(Duration.ofHours(6)), 360, PARIS);
    int wednesdayAt13 = 2 * 24 + 13;

    Instant trusted = scheduler.schedule(List.of(post),
        Map.of("acme-x", new EngagementHistory(10, Map.of(wednesdayAt13, 80.0))), Map.of()).get(post.postId());
    Instant thin = scheduler.schedule(List.of(post),
        Map.of("acme-x", new EngagementHistory(9, Map.of(wednesdayAt13, 80.0))), Map.of()).get(post.postId());

    assertThat(trusted).isEqualTo(Instant.parse("2026-06-10T11:00:00Z"));
    assertThat(thin).isEqualTo(Instant.parse("2026-06-10T09:00:00Z"));
  }

  @Test
  @DisplayName("the same local hour is a different instant in Paris and in New York")
  void brandTimeZone() {
    BestTimeScheduler scheduler = scheduler(0, 0, curve(hours(9, 10), hours()), LONG_BEFORE);
    SlotRequest paris = request("paris-x", WEDNESDAY, 24 * 60, PARIS);
    SlotRequest newYork = request("new-york-x", WEDNESDAY, 24 * 60, NEW_YORK);

    Map<UUID, Instant> times = scheduler.schedule(List.of(paris, newYork), Map.of(), Map.of());

    assertThat(times.get(paris.postId())).isEqualTo(Instant.parse("2026-06-10T07:00:00Z"));
    assertThat(times.get(newYork.postId())).isEqualTo(Instant.parse("2026-06-10T13:00:00Z"));
    assertThat(times.get(paris.postId()).atZone(PARIS).getHour()).isEqualTo(9);
    assertThat(times.get(newYork.postId()).atZone(NEW_YORK).getHour()).isEqualTo(9);
  }

  @Test
  @DisplayName("across the spring-forward gap (Paris, 29 March 2026, 02:00 to 03:00 does not exist) the best hour is a real one")
  void springForward() {
    // Sunday: 02:00 would be best but never happens; 03:00 summer time is the next best.
    BestTimeScheduler scheduler = scheduler(0, 0, curve(hours(), hours(2, 10, 3, 5)), LONG_BEFORE);
    Instant oneAmWinterTime = LocalDateTime.parse("2026-03-29T01:00").atZone(PARIS).toInstant();
    SlotRequest post = request("acme-x", oneAmWinterTime, 180, PARIS);

    Instant at = scheduler.schedule(List.of(post), Map.of(), Map.of()).get(post.postId());

    assertThat(at).isEqualTo(Instant.parse("2026-03-29T01:00:00Z"));
    ZonedDateTime local = at.atZone(PARIS);
    assertThat(local.toLocalTime()).hasToString("03:00");
    assertThat(local.getOffset()).isEqualTo(ZoneOffset.ofHours(2));
  }

  @Test
  @DisplayName("in the fall-back overlap (Paris, 25 October 2026, 02:00 to 03:00 twice) each pass is its own instant")
  void fallBack() {
    BestTimeScheduler scheduler = scheduler(0, 0, curve(hours(), hours(2, 10)), LONG_BEFORE);
    SlotRequest wholeNight = request("acme-x", Instant.parse("2026-10-24T23:00:00Z"), 240, PARIS);
    SlotRequest secondPass = request("acme-linkedin", Instant.parse("2026-10-25T01:00:00Z"), 60, PARIS);

    Map<UUID, Instant> times = scheduler.schedule(List.of(wholeNight, secondPass), Map.of(), Map.of());

    // The first 02:00 is summer time (UTC+2), the second winter time (UTC+1).
    assertThat(times.get(wholeNight.postId())).isEqualTo(Instant.parse("2026-10-25T00:00:00Z"));
    assertThat(times.get(wholeNight.postId()).atZone(PARIS).getOffset()).isEqualTo(ZoneOffset.ofHours(2));
    assertThat(times.get(secondPass.postId())).isEqualTo(Instant.parse("2026-10-25T01:00:00Z"));
    assertThat(times.get(secondPass.postId()).atZone(PARIS).getOffset()).isEqualTo(ZoneOffset.ofHours(1));
    assertThat(times.values()).allSatisfy(time -> assertThat(time.atZone(PARIS).getHour()).isEqualTo(2));
  }

  @Test
  @DisplayName("jitter keeps each post within jitterSeconds of its time, spreads one slot's posts, and repeats with the same seed")
  void jitter() {
    Instant slot = WEDNESDAY.plus(Duration.ofHours(9));
    List<SlotRequest> posts = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      posts.add(request("account-" + i, slot, 0, PARIS));
    }

    Map<UUID, Instant> times = scheduler(60, 0, SchedulingFixture.flat(), LONG_BEFORE).schedule(posts, Map.of(), Map.of());
    Map<UUID, Instant> again = scheduler(60, 0, SchedulingFixture.flat(), LONG_BEFORE).schedule(posts, Map.of(), Map.of());

    assertThat(times.values()).allSatisfy(time -> assertThat(time).isBetween(slot, slot.plusSeconds(60)));
    assertThat(new HashSet<>(times.values())).hasSizeGreaterThan(450);
    assertThat(times.values().stream().filter(time -> time.isBefore(slot.plusSeconds(30))).count()).isBetween(150L, 350L);
    assertThat(again).isEqualTo(times);
  }

  @Test
  @DisplayName("an account's next post keeps the minimum spacing from its existing and its just-placed posts")
  void minimumSpacing() {
    BestTimeScheduler scheduler = scheduler(0, 1800, SchedulingFixture.flat(), LONG_BEFORE);
    Instant slot = WEDNESDAY.plus(Duration.ofHours(9));
    SlotRequest first = request("acme-x", slot, 0, PARIS);
    SlotRequest second = request("acme-x", slot, 0, PARIS);
    SlotRequest otherAccount = request("acme-linkedin", slot, 0, PARIS);
    Map<String, List<Instant>> taken = Map.of("acme-x", List.of(slot.minusSeconds(600)));

    Map<UUID, Instant> times = scheduler.schedule(List.of(first, second, otherAccount), Map.of(), taken);

    assertThat(times.get(first.postId())).isEqualTo(slot.plusSeconds(1200));
    assertThat(times.get(second.postId())).isEqualTo(slot.plusSeconds(3000));
    assertThat(times.get(otherAccount.postId())).isEqualTo(slot);
  }

  @Test
  @DisplayName("a post whose window has passed goes out now, plus jitter; one whose window is under way skips the past part")
  void passedWindow() {
    Instant slot = WEDNESDAY.plus(Duration.ofHours(6));
    Instant now = slot.plus(Duration.ofMinutes(75));
    SlotRequest passed = request("acme-x", slot, 30, PARIS);
    // Now is 09:15 Paris: the best hour, 08:00, is behind us; the next best, 10:00, is ahead.
    SlotRequest underWay = request("acme-linkedin", slot, 240, PARIS);
    JsonObject curve = curve(hours(8, 10, 10, 5), hours());

    Map<UUID, Instant> exact = scheduler(0, 0, curve, now).schedule(List.of(passed, underWay), Map.of(), Map.of());
    Instant jittered = scheduler(30, 0, curve, now).schedule(List.of(passed), Map.of(), Map.of()).get(passed.postId());

    assertThat(exact.get(passed.postId())).isEqualTo(now);
    assertThat(exact.get(underWay.postId())).isEqualTo(Instant.parse("2026-06-10T08:00:00Z"));
    assertThat(jittered).isBetween(now, now.plusSeconds(30));
  }

  private static BestTimeScheduler scheduler(int jitterSeconds, int minSpacingSeconds, JsonObject curve, Instant now) {
    SchedulingOptions options = SchedulingFixture.options(jitterSeconds, minSpacingSeconds, 10, curve);
    return new BestTimeScheduler(options, Clock.fixed(now, ZoneOffset.UTC), new SplittableRandom(7));
  }

  private static SlotRequest request(String account, Instant slotAt, int windowMinutes, ZoneId zone) {
    return new SlotRequest(UUID.randomUUID(), account, Platform.X, slotAt, Duration.ofMinutes(windowMinutes), zone);
  }
}
