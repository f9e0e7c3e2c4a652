package io.chorus.web.stream;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * The node's latest events, at most a configured number, numbered in order; clients that
 * reconnect with {@code Last-Event-ID} are sent what they missed from here.
 */
final class ReplayBuffer {
  private final int capacity;
  private final Deque<StreamEvent> events = new ArrayDeque<>();
  private long lastSeq;

  ReplayBuffer(int capacity) {
    this.capacity = capacity;
  }

  /** Numbers a new event and keeps it, forgetting the oldest one when full. */
  StreamEvent append(StreamEventFactory factory) {
    StreamEvent event = factory.create(++lastSeq);
    events.addLast(event);
    if (events.size() > capacity) {
      events.removeFirst();
    }
    return event;
  }

  /** The sequence number of the latest event, 0 before the first. */
  long lastSeq() {
    return lastSeq;
  }

  /**
   * The events after {@code seq}, or null when some of them are no longer kept (or {@code seq}
   * is from the future, as after a restart), so the client must start over from a snapshot.
   */
  List<StreamEvent> after(long seq) {
    if (seq > lastSeq || seq < 0) {
      return null;
    }
    long oldestKept = events.isEmpty() ? lastSeq + 1 : events.peekFirst().seq();
    if (seq + 1 < oldestKept) {
      return null;
    }
    return events.stream().filter(event -> event.seq() > seq).toList();
  }

  /** Makes the event once its number is known. */
  @FunctionalInterface
  interface StreamEventFactory {
    StreamEvent create(long seq);
  }
}
