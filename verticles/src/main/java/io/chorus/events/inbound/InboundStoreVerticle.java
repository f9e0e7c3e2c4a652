package io.chorus.events.inbound;

import io.chorus.contracts.Addresses;
import io.chorus.contracts.ChorusError;
import io.chorus.contracts.ErrorCode;
import io.chorus.contracts.events.InboundEventsStored;
import io.chorus.contracts.events.StoreInboundEvents;
import io.chorus.contracts.platform.PlatformEvent;
import io.chorus.storage.Database;
import io.chorus.storage.DatabaseOptions;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stores the events an inbound webhook received, in one statement, before the web verticle
 * acknowledges them to the platform. An event already stored (a platform's retry, a replayed
 * request) is counted as a duplicate and not stored again.
 */
public final class InboundStoreVerticle extends VerticleBase {
  private static final Logger LOG = LoggerFactory.getLogger(InboundStoreVerticle.class);

  private static final String INSERT = """
      WITH input AS (
        SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[],
                             $7::text[], $8::text[], $9::timestamptz[], $10::text[])
          AS i(event_id, platform, account_handle, kind, external_id, in_reply_to, author_handle, text,
               occurred_at, body)
      )
      INSERT INTO inbound_events (event_id, platform, brand_id, account_handle, kind, external_id, in_reply_to,
                                  author_handle, text, occurred_at, body)
      SELECT i.event_id, i.platform,
             (SELECT a.brand_id FROM accounts a
              WHERE a.platform = i.platform AND a.external_id = i.account_handle LIMIT 1),
             i.account_handle, i.kind, i.external_id, i.in_reply_to, i.author_handle, i.text, i.occurred_at, i.body
      FROM input i
      ON CONFLICT (event_id) DO NOTHING
      """;

  private Pool pool;
  private MessageConsumer<StoreInboundEvents> consumer;

  @Override
  public Future<?> start() {
    pool = Database.pool(vertx, DatabaseOptions.fromConfig(config()));
    consumer = vertx.eventBus().consumer(Addresses.EVENTS_INBOUND_STORE, this::store);
    return consumer.completion();
  }

  @Override
  public Future<?> stop() {
    return consumer.unregister().transform(done -> pool.close());
  }

  private void store(Message<StoreInboundEvents> request) {
    List<PlatformEvent> events = request.body().events();
    if (events.isEmpty()) {
      request.reply(new InboundEventsStored(0, 0));
      return;
    }
    int size = events.size();
    List<UUID> ids = new ArrayList<>(size);
    String[] platforms = new String[size];
    String[] accounts = new String[size];
    String[] kinds = new String[size];
    String[] externalIds = new String[size];
    String[] inReplyTo = new String[size];
    String[] authors = new String[size];
    String[] texts = new String[size];
    OffsetDateTime[] occurredAt = new OffsetDateTime[size];
    String[] bodies = new String[size];
    for (int i = 0; i < size; i++) {
      PlatformEvent event = events.get(i);
      ids.add(UUID.fromString(event.eventId()));
      platforms[i] = event.platform().id();
      accounts[i] = event.accountHandle();
      kinds[i] = event.kind().name();
      externalIds[i] = event.externalId();
      inReplyTo[i] = event.inReplyToExternalId();
      authors[i] = event.authorHandle();
      texts[i] = event.text();
      occurredAt[i] = event.occurredAt() == null ? null : event.occurredAt().atOffset(ZoneOffset.UTC);
      bodies[i] = event.body();
    }
    pool.preparedQuery(INSERT)
        .execute(Tuple.of(ids.toArray(UUID[]::new), platforms, accounts, kinds, externalIds, inReplyTo)
            .addArrayOfString(authors).addArrayOfString(texts).addArrayOfOffsetDateTime(occurredAt)
            .addArrayOfString(bodies))
        .onSuccess(rows -> request.reply(new InboundEventsStored(rows.rowCount(), size - rows.rowCount())))
        .onFailure(failure -> {
          LOG.warn("Could not store {} inbound events: {}", size, failure.getMessage());
          ChorusError.of(ErrorCode.STORAGE_UNAVAILABLE, "inbound events not stored: " + failure.getMessage())
              .failReply(request);
        });
  }
}
