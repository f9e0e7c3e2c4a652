package io.chorus.events.webhooks;

import io.chorus.contracts.ChorusError;
import io.chorus.pipeline.RoundLoop;
import io.chorus.storage.Database;
import io.chorus.storage.DatabaseOptions;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.PoolOptions;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers domain events to partners' webhooks. One loop drains the outbox in batches (claimed
 * with {@code FOR UPDATE SKIP LOCKED}) into one delivery per matching subscription; another claims
 * due deliveries with a lease and sends them, signed, retrying on the configured schedule, then
 * dead-letters them. A 410 Gone disables the subscription. Any number of nodes can run it.
 */
public final class WebhookDeliveryVerticle extends VerticleBase {
  private static final Logger LOG = LoggerFactory.getLogger(WebhookDeliveryVerticle.class);

  private WebhookOptions options;
  private Pool pool;
  private WebClient client;
  private WebhookSender sender;
  private RoundLoop fanOut;
  private RoundLoop deliveries;

  @Override
  public Future<?> start() {
    options = WebhookOptions.fromConfig(config());
    pool = Database.pool(vertx, DatabaseOptions.fromConfig(config()));
    client = WebClient.create(vertx, new WebClientOptions()
        .setFollowRedirects(false)
        .setConnectTimeout((int) Math.min(Integer.MAX_VALUE, options.timeoutMs()))
        .setUserAgent("Chorus-Webhooks/1"), new PoolOptions().setHttp1MaxSize(options.batchSize()));
    sender = new WebhookSender(client, TargetGuard.create(vertx, options.allowedTargets()), WebhookSigner.create(),
        options.timeoutMs());
    fanOut = new RoundLoop(vertx, "Webhook fan-out", options.pollIntervalMs(), options.batchSize(), this::fanOutRound);
    deliveries = new RoundLoop(vertx, "Webhook delivery", options.pollIntervalMs(), options.batchSize(),
        this::deliveryRound);
    fanOut.start();
    deliveries.start();
    return Future.succeededFuture();
  }

  @Override
  public Future<?> stop() {
    return Future.join(fanOut.stop(), deliveries.stop())
        .transform(done -> {
          client.close();
          return pool.close();
        });
  }

  private Future<Integer> fanOutRound() {
    return pool.preparedQuery(DeliverySql.FAN_OUT).execute(Tuple.of(options.batchSize()))
        .map(rows -> rows.iterator().next().getLong("taken").intValue());
  }

  private Future<Integer> deliveryRound() {
    return pool.preparedQuery(DeliverySql.CLAIM).execute(Tuple.of(options.batchSize(), options.leaseSeconds()))
        .compose(rows -> {
          List<Future<?>> sent = new ArrayList<>();
          for (Row row : rows) {
            sent.add(deliver(row));
          }
          return Future.join(sent).map(rows.rowCount());
        });
  }

  private Future<?> deliver(Row row) {
    UUID id = row.getUUID("id");
    int attempt = row.getInteger("attempts");
    List<String> secrets = new ArrayList<>(List.of(row.getString("secret")));
    if (row.getString("previous_secret") != null) {
      secrets.add(row.getString("previous_secret"));
    }
    return sender.send(row.getString("url"), row.getUUID("event_id").toString(), row.getString("body"), secrets)
        .transform(result -> settle(id, attempt, result.succeeded() ? result.result()
            : WebhookSender.Outcome.failed(null, ChorusError.from(result.cause()).message(), 0)));
  }

  private Future<?> settle(UUID id, int attempt, WebhookSender.Outcome outcome) {
    if (outcome.succeeded()) {
      return pool.preparedQuery(DeliverySql.SUCCEEDED).execute(Tuple.of(id, outcome.status()));
    }
    if (outcome.gone()) {
      LOG.info("Webhook target of delivery {} answered 410 Gone; its subscription is disabled", id);
      return pool.preparedQuery(DeliverySql.GONE).execute(Tuple.of(id, "the target answered 410 Gone"));
    }
    List<Long> schedule = options.retryScheduleSeconds();
    if (attempt > schedule.size()) {
      return pool.preparedQuery(DeliverySql.DEAD).execute(Tuple.of(id, outcome.status(), outcome.error()));
    }
    double waitSeconds = Math.max(schedule.get(attempt - 1), outcome.retryAfterSeconds());
    return pool.preparedQuery(DeliverySql.RETRY)
        .execute(Tuple.of(id, Math.max(0.001, waitSeconds), outcome.status(), outcome.error()));
  }
}
