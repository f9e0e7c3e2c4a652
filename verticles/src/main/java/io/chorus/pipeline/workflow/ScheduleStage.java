package io.chorus.pipeline.workflow;

import io.chorus.contracts.PostState;
import io.chorus.pipeline.post.Move;
import io.chorus.pipeline.scheduling.BestTimeScheduler;
import io.chorus.pipeline.scheduling.CalendarWindow;
import io.chorus.pipeline.scheduling.ScheduleHistory;
import io.chorus.pipeline.scheduling.SlotRequest;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * APPROVED to SCHEDULED: each post goes out at the best time of its calendar slot's window, as
 * {@link BestTimeScheduler} chooses it from the batch's accounts' history and existing schedule,
 * both read with one query per batch.
 */
final class ScheduleStage implements Stage {
  private final BestTimeScheduler scheduler;
  private final ScheduleHistory history;
  private final Clock clock;

  ScheduleStage(BestTimeScheduler scheduler, ScheduleHistory history, Clock clock) {
    this.scheduler = scheduler;
    this.history = history;
    this.clock = clock;
  }

  @Override
  public PostState from() {
    return PostState.APPROVED;
  }

  @Override
  public Future<List<Move>> work(List<StagePost> posts) {
    // A reply answers someone now: no calendar slot, best time or spacing applies to it.
    List<Move> replies = posts.stream().filter(StagePost::isReply)
        .map(post -> Move.of(post.id(), PostState.APPROVED, PostState.SCHEDULED).withScheduledAt(clock.instant()))
        .toList();
    List<StagePost> planned = posts.stream().filter(post -> !post.isReply()).toList();
    return schedule(planned).map(scheduled -> replies.isEmpty() ? scheduled
        : Stream.concat(replies.stream(), scheduled.stream()).toList());
  }

  private Future<List<Move>> schedule(List<StagePost> posts) {
    if (posts.isEmpty()) {
      return Future.succeededFuture(List.of());
    }
    List<SlotRequest> requests = posts.stream()
        .map(ScheduleStage::request)
        .sorted(Comparator.comparing(SlotRequest::slotAt))
        .toList();
    Set<String> accounts = requests.stream().map(SlotRequest::accountId).collect(Collectors.toSet());
    Instant earliest = requests.get(0).slotAt();
    Instant now = clock.instant();
    // Anything the account posts from a spacing before the earliest possible time can be in the way.
    Instant since = (earliest.isBefore(now) ? earliest : now).minus(scheduler.minSpacing());
    return Future.all(history.engagement(accounts), history.taken(accounts, since)).map(loaded -> {
      Map<UUID, Instant> times = scheduler.schedule(requests, loaded.resultAt(0), loaded.resultAt(1));
      return times.entrySet().stream()
          .map(time -> Move.of(time.getKey(), PostState.APPROVED, PostState.SCHEDULED).withScheduledAt(time.getValue()))
          .toList();
    });
  }

  private static SlotRequest request(StagePost post) {
    return new SlotRequest(post.id(), post.accountId(), post.platform(), post.slotAt(),
        CalendarWindow.of(post.calendar(), post.platform()), ZoneId.of(post.timeZone()));
  }
}
