package io.chorus.pipeline.scheduling;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.random.RandomGenerator;

/**
 * Chooses when each post goes out: the best quarter hour of its slot's window by the account's
 * engagement history (or the platform's prior curve while history is thin), read on the brand's
 * local clock; then a random jitter so one slot's posts do not fire in the same second; then later
 * if the account already posts too close to that time. Pure: time comes from the clock and chance
 * from the random generator.
 */
public final class BestTimeScheduler {
  /** Candidates are quarter hours of the UTC clock, which are quarter hours of every modern zone's clock. */
  static final Duration STEP = Duration.ofMinutes(15);

  private final SchedulingOptions options;
  private final Clock clock;
  private final RandomGenerator random;

  public BestTimeScheduler(SchedulingOptions options, Clock clock, RandomGenerator random) {
    this.options = options;
    this.clock = clock;
    this.random = random;
  }

  /** How far apart one account's posts must be. */
  public Duration minSpacing() {
    return options.minSpacing();
  }

  /**
   * The time each post goes out, in the order given.
   *
   * @param histories engagement history by account id; a missing account has none
   * @param taken times at which each account already posts (scheduled, publishing or published)
   */
  public Map<UUID, Instant> schedule(List<SlotRequest> posts, Map<String, EngagementHistory> histories,
      Map<String, List<Instant>> taken) {
    Instant now = clock.instant();
    Map<String, List<Instant>> booked = new HashMap<>();
    taken.forEach((account, times) -> booked.put(account, new ArrayList<>(times)));
    Map<UUID, Instant> placed = new LinkedHashMap<>();
    for (SlotRequest post : posts) {
      Instant best = bestTime(post, histories.getOrDefault(post.accountId(), EngagementHistory.NONE), now);
      List<Instant> accountTimes = booked.computeIfAbsent(post.accountId(), account -> new ArrayList<>());
      Instant at = spaced(best.plusMillis(jitterMillis()), accountTimes);
      accountTimes.add(at);
      placed.put(post.postId(), at);
    }
    return placed;
  }

  /**
   * The best candidate not before now. Candidates are stepped as instants, so a local time that a
   * spring-forward gap skips never comes up, and both passes through a fall-back hour do.
   */
  private Instant bestTime(SlotRequest post, EngagementHistory history, Instant now) {
    Instant start = post.slotAt().isBefore(now) ? now : post.slotAt();
    Instant end = post.slotAt().plus(post.window());
    if (!start.isBefore(end)) {
      return start;
    }
    boolean trusted = history.samples() >= options.minHistorySamples();
    PriorCurve prior = options.prior(post.platform());
    Instant best = start;
    double[] bestScore = score(start, post, history, trusted, prior);
    for (Instant candidate = nextStep(start); candidate.isBefore(end); candidate = candidate.plus(STEP)) {
      double[] score = score(candidate, post, history, trusted, prior);
      if (better(score, bestScore)) {
        best = candidate;
        bestScore = score;
      }
    }
    return best;
  }

  /** Trusted history decides, the prior breaks its ties; thin history leaves the prior alone to decide. */
  private static double[] score(Instant candidate, SlotRequest post, EngagementHistory history, boolean trusted,
      PriorCurve prior) {
    ZonedDateTime local = candidate.atZone(post.zone());
    double priorWeight = prior.weight(local);
    return trusted ? new double[] {history.engagement(local), priorWeight} : new double[] {priorWeight, 0};
  }

  private static boolean better(double[] score, double[] than) {
    return score[0] > than[0] || (score[0] == than[0] && score[1] > than[1]);
  }

  private static Instant nextStep(Instant time) {
    long step = STEP.toMillis();
    long millis = time.toEpochMilli();
    return Instant.ofEpochMilli(Math.floorDiv(millis, step) * step + step);
  }

  private long jitterMillis() {
    long bound = options.jitter().toMillis();
    return bound == 0 ? 0 : random.nextLong(bound + 1);
  }

  /** The first time at or after {@code at} that keeps the minimum spacing from every taken time. */
  private Instant spaced(Instant at, List<Instant> taken) {
    Duration spacing = options.minSpacing();
    if (spacing.isZero()) {
      return at;
    }
    Collections.sort(taken);
    Instant result = at;
    // Sorted ascending and only ever moved later, one pass settles it.
    for (Instant time : taken) {
      if (Duration.between(time, result).abs().compareTo(spacing) < 0) {
        result = time.plus(spacing);
      }
    }
    return result;
  }
}
