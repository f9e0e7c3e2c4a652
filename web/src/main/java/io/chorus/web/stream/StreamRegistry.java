package io.chorus.web.stream;

import io.chorus.contracts.JsonRecordCodec;
import io.chorus.contracts.health.HealthReport;
import io.chorus.contracts.metrics.LiveMetrics;
import io.chorus.contracts.pipeline.PostStateChanged;
import io.chorus.contracts.reports.ReportReady;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The event-stream clients connected to this node. The node's single bus consumer per address
 * feeds it; it numbers each event, keeps the latest for replay and fans them out to the clients
 * that want them. Used from the web verticle's event loop only.
 *
 * <p>Event ids read {@code <epoch>-<seq>}: the epoch changes whenever a registry starts, so an id
 * from another node or from before a restart is recognised as unusable for resuming.
 */
public final class StreamRegistry {
  /** Event name of live metrics snapshots. */
  public static final String METRICS_EVENT = "metrics";
  /** Event name of post state changes. */
  public static final String POST_STATE_EVENT = "post-state";
  /** Event name of the agents' health. */
  public static final String AGENT_HEALTH_EVENT = "agent-health";
  /** Event name of reports that became ready. */
  public static final String REPORT_EVENT = "report";
  /** Event name that tells a resuming client its missed events are gone and a snapshot follows. */
  public static final String RESYNC_EVENT = "resync";

  private static final Logger LOG = LoggerFactory.getLogger(StreamRegistry.class);
  private static final String HEARTBEAT = ": ping\n\n";

  private final Set<SseConnection> connections = new LinkedHashSet<>();
  private final ReplayBuffer replay;
  private final String epoch;
  private StreamEvent latestMetrics;
  private StreamEvent latestHealth;
  // Mirrors connections.size() for readers on other threads, such as probes and tests.
  private volatile int size;

  /** A registry that keeps the latest {@code replayBufferSize} events for clients that resume. */
  public StreamRegistry(int replayBufferSize) {
    this.replay = new ReplayBuffer(replayBufferSize);
    this.epoch = Long.toString(System.currentTimeMillis(), 36) + Integer.toString(ThreadLocalRandom.current().nextInt(1296), 36);
  }

  /** How many clients are connected; safe to read from any thread. */
  public int size() {
    return size;
  }

  public void publishMetrics(LiveMetrics metrics) {
    MetricsSnapshot snapshot = new MetricsSnapshot(metrics);
    latestMetrics = broadcast(replay.append(seq -> new StreamEvent(seq, METRICS_EVENT, null, null, null, snapshot)));
  }

  public void publishPostState(PostStateChanged change) {
    broadcast(replay.append(seq -> new StreamEvent(seq, POST_STATE_EVENT, change.brandId(), change.platform(),
        JsonRecordCodec.toJsonObject(change).encode(), null)));
  }

  public void publishReport(ReportReady report) {
    broadcast(replay.append(seq -> new StreamEvent(seq, REPORT_EVENT, report.brandId(), null,
        JsonRecordCodec.toJsonObject(report).encode(), null)));
  }

  /** Sends every agent's latest health in one event, which new clients also get on connecting. */
  public void publishAgentHealth(Instant at, List<HealthReport> reports) {
    String data = new JsonObject().put("at", at.toString())
        .put("agents", new JsonArray(reports.stream().map(JsonRecordCodec::toJsonObject).toList())).encode();
    latestHealth = broadcast(replay.append(seq -> new StreamEvent(seq, AGENT_HEALTH_EVENT, null, null, data, null)));
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

  /**
   * Registers a client and sends what it should see first: the events it missed when it resumes
   * with a {@code Last-Event-ID} this node still holds; otherwise (saying so with a
   * {@value #RESYNC_EVENT} event when it did ask to resume) the latest snapshots.
   */
  void add(SseConnection connection, String preamble, String lastEventId) {
    connections.add(connection);
    size = connections.size();
    boolean sent = connection.write(preamble);
    List<StreamEvent> missed = lastEventId == null ? null : replay.after(seqOf(lastEventId));
    if (missed != null) {
      for (StreamEvent event : missed) {
        sent = sent && send(connection, event);
      }
    } else {
      if (lastEventId != null) {
        String data = new JsonObject().put("lastEventId", lastEventId)
            .put("detail", "the events after this id are no longer kept; a fresh snapshot follows").encode();
        sent = sent && connection.send(id(replay.lastSeq()), RESYNC_EVENT, data);
      }
      for (StreamEvent snapshot : new StreamEvent[] {latestMetrics, latestHealth}) {
        sent = sent && (snapshot == null || send(connection, snapshot));
      }
    }
    if (!sent) {
      drop(connection);
    }
  }

  void remove(SseConnection connection) {
    connections.remove(connection);
    size = connections.size();
  }

  private StreamEvent broadcast(StreamEvent event) {
    for (SseConnection connection : List.copyOf(connections)) {
      if (!send(connection, event)) {
        LOG.info("Dropping an event-stream client that fell behind");
        drop(connection);
      }
    }
    return event;
  }

  /** Sends the event if the client wants it; false only when the client is too slow. */
  private boolean send(SseConnection connection, StreamEvent event) {
    StreamFilter filter = connection.filter();
    if (!filter.wants(event)) {
      return true;
    }
    String data = event.metrics() == null ? event.data() : event.metrics().json(filter);
    return connection.send(id(event.seq()), event.name(), data);
  }

  private String id(long seq) {
    return epoch + "-" + seq;
  }

  /** The sequence number in an id of this registry's epoch, or -1 for any other id. */
  private long seqOf(String lastEventId) {
    String prefix = epoch + "-";
    if (!lastEventId.startsWith(prefix)) {
      return -1;
    }
    try {
      return Long.parseLong(lastEventId.substring(prefix.length()));
    } catch (NumberFormatException notOurs) {
      return -1;
    }
  }

  private void drop(SseConnection connection) {
    remove(connection);
    connection.close();
  }
}
