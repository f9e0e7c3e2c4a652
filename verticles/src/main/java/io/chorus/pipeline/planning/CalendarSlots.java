package io.chorus.pipeline.planning;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The calendar of a campaign: slots every {@code every} from {@code startsAt}, until
 * {@code endsAt} or {@code maxSlots}, whichever comes first (either may be absent).
 */
public record CalendarSlots(Instant startsAt, Duration every, Instant endsAt, Integer maxSlots) {

  /** Slot number {@code index}, counting from zero. */
  public Instant slot(int index) {
    return startsAt.plus(every.multipliedBy(index));
  }

  /** The number of the slot starting at {@code slot}, counting from zero. */
  public int index(Instant slot) {
    return (int) (Duration.between(startsAt, slot).toMillis() / every.toMillis());
  }

  /**
   * The slots after the first {@code alreadyPlanned} that start no later than {@code until}.
   * Slots that ended before {@code now} while nobody planned them (Chorus was down) are skipped
   * except the latest, so a restart never fires a backlog of stale posts at once.
   *
   * @return the index after the last slot considered, and the slots to plan
   */
  public Due due(int alreadyPlanned, Instant now, Instant until) {
    List<Instant> slots = new ArrayList<>();
    int index = alreadyPlanned;
    while (withinCalendar(index) && !slot(index).isAfter(until)) {
      boolean stale = slot(index).plus(every).isBefore(now);
      if (!stale) {
        slots.add(slot(index));
      }
      index++;
    }
    return new Due(index, slots);
  }

  private boolean withinCalendar(int index) {
    if (maxSlots != null && index >= maxSlots) {
      return false;
    }
    return endsAt == null || slot(index).isBefore(endsAt);
  }

  /** Slots to plan now, and how many slots are accounted for afterwards. */
  public record Due(int plannedThrough, List<Instant> slots) {
    public Due {
      slots = List.copyOf(slots);
    }
  }
}
