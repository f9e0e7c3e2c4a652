package io.chorus.events.inbound;

import io.chorus.contracts.Addresses;
import io.chorus.contracts.ChorusError;
import io.chorus.contracts.Platform;
import io.chorus.contracts.platform.PlatformEvent;
import io.chorus.contracts.platform.PlatformEventHandled;
import io.chorus.pipeline.RoundLoop;
import io.chorus.storage.Database;
import io.chorus.storage.DatabaseOptions;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands stored inbound events to their platform agents ({@code chorus.platform.<p>.events}) until
 * each agent answers. Dispatchers on any node claim due events with {@code FOR UPDATE SKIP
 * LOCKED} and a lease, so an event acknowledged to the platform is never lost when a node dies:
 * its lease runs out and another dispatcher offers it again. Agents see an event at least once
 * and treat a repeated {@code eventId} as handled.
 */
public final class InboundDispatcherVerticle extends VerticleBase {
  private static final Logger LOG = LoggerFactory.getLogger(InboundDispatcherVerticle.class);

  /** $1 batch size, $2 lease seconds. */
  private static final String CLAIM = """
      WITH due AS (
        SELECT event_id FROM inbound_events
        WHERE status = 'PENDING' AND next_attempt_at <= now()
        ORDER BY next_attempt_at
        LIMIT $1
        FOR UPDATE SKIP LOCKED
      )
      UPDATE inbound_events e SET
        attempts = e.attempts + 1,
        next_attempt_at = now() + make_interval(secs => $2)
      FROM due WHERE e.event_id = due.event_id
      RETURNING e.event_id, e.platform, e.account_handle, e.kind, e.external_id, e.in_reply_to, e.author_handle,
                e.text, e.occurred_at, e.body, e.attempts
      """;
  private static final String HANDLED = """
      UPDATE inbound_events SET status = 'HANDLED', handled_at = now(), outcome = $2, post_id = $3, last_error = NULL
      WHERE event_id = $1 AND status = 'PENDING'
      """;
  private static final String FAILED = """
      UPDATE inbound_events SET status = 'FAILED', handled_at = now(), last_error = $2
      WHERE event_id = $1 AND status = 'PENDING'
      """;
  private static final String RETRY = """
      UPDATE inbound_events SET next_attempt_at = now() + make_interval(secs => $2), last_error = $3
      WHERE event_id = $1 AND status = 'PENDING'
      """;

  private final Random random = new Random();
  private InboundDispatchOptions options;
  private Pool pool;
  private DeliveryOptions delivery;
  private RoundLoop rounds;

  @Override
  public Future<?> start() {
    options = InboundDispatchOptions.fromConfig(config());
    pool = Database.pool(vertx, DatabaseOptions.fromConfig(config()));
    delivery = new DeliveryOptions().setSendTimeout(options.requestTimeoutMs());
    rounds = new RoundLoop(vertx, "Inbound event dispatch", options.pollIntervalMs(), options.batchSize(),
        this::round);
    rounds.start();
    return Future.succeededFuture();
  }

  @Override
  public Future<?> stop() {
    return rounds.stop().transform(done -> pool.close());
  }

  private Future<Integer> round() {
    return pool.preparedQuery(CLAIM).execute(Tuple.of(options.batchSize(), options.leaseSeconds()))
        .compose(rows -> {
          List<Future<?>> handed = new ArrayList<>();
          for (Row row : rows) {
            handed.add(dispatch(row));
          }
          return Future.join(handed).map(rows.rowCount());
        });
  }

  private Future<?> dispatch(Row row) {
    UUID eventId = row.getUUID("event_id");
    Platform platform = Platform.of(row.getString("platform"));
    PlatformEvent event = new PlatformEvent(eventId.toString(), platform, row.getString("account_handle"),
        PlatformEvent.Kind.valueOf(row.getString("kind")), row.getString("external_id"),
        row.getString("in_reply_to"), row.getString("author_handle"), row.getString("text"),
        instant(row.getOffsetDateTime("occurred_at")), row.getString("body"));
    int attempt = row.getInteger("attempts");
    return vertx.eventBus().<PlatformEventHandled>request(platform.address(Addresses.EVENTS), event, delivery)
        .<Void>transform(answer -> answer.succeeded()
            ? pool.preparedQuery(HANDLED)
                .execute(Tuple.of(eventId, answer.result().body().outcome(), answer.result().body().postId()))
                .mapEmpty()
            : settleFailure(eventId, platform, attempt, ChorusError.from(answer.cause())));
  }

  private Future<Void> settleFailure(UUID eventId, Platform platform, int attempt, ChorusError error) {
    String detail = error.code() + ": " + error.message();
    if (!error.retryable()) {
      LOG.warn("The {} agent refused inbound event {} for good: {}", platform.id(), eventId, detail);
      return pool.preparedQuery(FAILED).execute(Tuple.of(eventId, detail)).mapEmpty();
    }
    long delayMs = options.backoff().delayMs(attempt, error.retryAfterMs(), random);
    return pool.preparedQuery(RETRY).execute(Tuple.of(eventId, Math.max(0.001, delayMs / 1000.0), detail))
        .mapEmpty();
  }

  private static Instant instant(OffsetDateTime at) {
    return at == null ? null : at.toInstant();
  }
}
