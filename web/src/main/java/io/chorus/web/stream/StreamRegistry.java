package io.chorus.web.stream;

import io.chorus.contracts.JsonRecordCodec;
import io.chorus.contracts.metrics.LiveMetrics;
import io.chorus.contracts.pipeline.PostStateChanged;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The event-stream clients connected to this node. The node's single bus consumer per address
 * feeds it, and it fans each event out to the clients. Used from the web verticle's event loop only.
 */
public final class StreamRegistry {
  /** Event name of live metrics snapshots. */
  public static final String METRICS_EVENT = "metrics";
  /** Event name of post state changes. */
  public static final String POST_STATE_EVENT = "post-state";

  private static final Logger LOG = LoggerFactory.getLogger(StreamRegistry.class);
  private static final String HEARTBEAT = ": ping\n\n";

  private final Set<SseConnection> connections = new LinkedHashSet<>();
  private String latestMetrics;
  // Mirrors connections.size() for readers on other threads, such as probes and tests.
  private volatile int size;

  /** How many clients are connected; safe to read from any thread. */
  public int size() {
    return size;
  }

  /** Remembers the snapshot for clients yet to come and sends it to every client. */
  public void publishMetrics(LiveMetrics metrics) {
    latestMetrics = JsonRecordCodec.toJsonObject(metrics).encode();
    broadcast(c -> true, METRICS_EVENT, latestMetrics);
  }

  /** Sends a post state change to the clients that want its platform. */
  public void publishPostState(PostStateChanged change) {
    broadcast(c -> c.wants(change.platform()), POST_STATE_EVENT, JsonRecordCodec.toJsonObject(change).encode());
  }

  /** Sends a comment line to every client, so proxies keep idle streams open and dead ones surface. */
  public void heartbeat() {
    for (SseConnection connection : List.copyOf(connections)) {
      if (!connection.write(HEARTBEAT)) {
        drop(connection);
      }
    }
  }

  /** Closes every client; the node is stopping. */
  public void closeAll() {
    List.copyOf(connections).forEach(this::drop);
  }

  void add(SseConnection connection, String retryFrame) {
    connections.add(connection);
    size = connections.size();
    connection.write(retryFrame);
    if (latestMetrics != null) {
      connection.send(METRICS_EVENT, latestMetrics);
    }
  }

  void remove(SseConnection connection) {
    connections.remove(connection);
    size = connections.size();
  }

  private void broadcast(Predicate<SseConnection> wanted, String event, String data) {
    for (SseConnection connection : List.copyOf(connections)) {
      if (wanted.test(connection) && !connection.send(event, data)) {
        LOG.info("Dropping an event-stream client that fell behind");
        drop(connection);
      }
    }
  }

  private void drop(SseConnection connection) {
    remove(connection);
    connection.close();
  }
}
