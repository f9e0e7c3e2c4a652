package io.chorus.events.webhooks;

import io.chorus.contracts.Addresses;
import io.chorus.contracts.ChorusError;
import io.chorus.contracts.ErrorCode;
import io.chorus.contracts.webhooks.WebhookDelivery;
import io.chorus.contracts.webhooks.WebhookDeliveryPage;
import io.chorus.contracts.webhooks.WebhookEventType;
import io.chorus.contracts.webhooks.WebhookRequest;
import io.chorus.contracts.webhooks.WebhookSubscription;
import io.chorus.contracts.webhooks.WebhookSubscriptionPage;
import io.chorus.storage.Database;
import io.chorus.storage.DatabaseOptions;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * Partners' webhook subscriptions: creates them (refusing targets in private networks), lists,
 * removes, rotates their secrets, lists their deliveries and replays one. Every change is written
 * to the audit log with who asked.
 */
public final class SubscriptionsVerticle extends VerticleBase {
  private static final Set<String> DELIVERY_STATUSES = Set.of("PENDING", "SUCCEEDED", "DEAD");
  private static final int MAX_DELIVERIES = 500;

  private final WebhookSigner signer = WebhookSigner.create();
  private WebhookOptions options;
  private TargetGuard guard;
  private Pool pool;
  private MessageConsumer<WebhookRequest> consumer;

  @Override
  public Future<?> start() {
    options = WebhookOptions.fromConfig(config());
    guard = TargetGuard.create(vertx, options.allowedTargets());
    pool = Database.pool(vertx, DatabaseOptions.fromConfig(config()));
    consumer = vertx.eventBus().consumer(Addresses.WEBHOOKS_MANAGE, this::handle);
    return consumer.completion();
  }

  @Override
  public Future<?> stop() {
    return consumer.unregister().transform(done -> pool.close());
  }

  private void handle(Message<WebhookRequest> message) {
    WebhookRequest request = message.body();
    Future<?> answer = switch (request.action()) {
      case CREATE -> create(request);
      case LIST -> pool.preparedQuery(SubscriptionSql.LIST).execute(Tuple.of(request.brandId()))
          .map(rows -> new WebhookSubscriptionPage(map(rows, row -> subscription(row, false))));
      case GET -> one(SubscriptionSql.GET, request, Tuple.tuple(), false);
      case DELETE -> one(SubscriptionSql.DELETE, request, Tuple.of(request.actor()), false);
      case ROTATE_SECRET -> one(SubscriptionSql.ROTATE, request,
          Tuple.of(signer.newSecret(), (double) options.secretOverlapSeconds(), request.actor()), true);
      case LIST_DELIVERIES -> deliveries(request);
      case REPLAY -> replay(request);
    };
    answer.onSuccess(message::reply).onFailure(failure -> ChorusError.from(failure).failReply(message));
  }

  private Future<WebhookSubscription> create(WebhookRequest request) {
    if (request.brandId() == null || request.brandId().isBlank()) {
      return invalid("brandId: a subscription belongs to a brand; name it");
    }
    String problem = eventTypesProblem(request.eventTypes());
    if (problem != null) {
      return invalid(problem);
    }
    URI target;
    try {
      target = target(request.url());
    } catch (IllegalArgumentException bad) {
      return invalid("url: " + bad.getMessage());
    }
    return guard.resolve(target.getHost())
        .recover(refused -> invalid("url: " + ChorusError.from(refused).message()))
        .compose(address -> pool.preparedQuery(SubscriptionSql.CREATE).execute(Tuple.of(request.brandId(),
            target.toString(), request.eventTypes().toArray(String[]::new), request.description(),
            signer.newSecret(), request.actor())))
        .recover(failure -> failure instanceof PgException pg && "23503".equals(pg.getSqlState())
            ? invalid("brandId: there is no brand '" + request.brandId() + "'")
            : Future.failedFuture(failure))
        .map(rows -> subscription(rows.iterator().next(), true));
  }

  /** One subscription the caller may see, changed by {@code sql} with {@code extra} parameters after id and brand. */
  private Future<WebhookSubscription> one(String sql, WebhookRequest request, Tuple extra, boolean withSecret) {
    UUID id = uuid(request.subscriptionId());
    if (id == null) {
      return notFound(request.subscriptionId());
    }
    Tuple parameters = Tuple.of(id, request.brandId());
    for (int i = 0; i < extra.size(); i++) {
      parameters.addValue(extra.getValue(i));
    }
    return pool.preparedQuery(sql).execute(parameters).compose(rows -> rows.size() == 0
        ? notFound(request.subscriptionId())
        : Future.succeededFuture(subscription(rows.iterator().next(), withSecret)));
  }

  private Future<WebhookDeliveryPage> deliveries(WebhookRequest request) {
    String status = request.deliveryStatus() == null ? null : request.deliveryStatus().toUpperCase(Locale.ROOT);
    if (status != null && !DELIVERY_STATUSES.contains(status)) {
      return invalid("status: must be one of PENDING, SUCCEEDED, DEAD");
    }
    int limit = request.limit() <= 0 ? 50 : Math.min(request.limit(), MAX_DELIVERIES);
    return one(SubscriptionSql.GET, request, Tuple.tuple(), false)
        .compose(visible -> pool.preparedQuery(SubscriptionSql.DELIVERIES)
            .execute(Tuple.of(UUID.fromString(visible.id()), status, limit)))
        .map(rows -> new WebhookDeliveryPage(map(rows, SubscriptionsVerticle::delivery)));
  }

  private Future<WebhookDelivery> replay(WebhookRequest request) {
    UUID deliveryId = uuid(request.deliveryId());
    return one(SubscriptionSql.GET, request, Tuple.tuple(), false).compose(visible -> {
      if (!"ACTIVE".equals(visible.status())) {
        return Future.failedFuture(ChorusError.of(ErrorCode.ILLEGAL_TRANSITION, "subscription " + visible.id()
            + " is " + visible.status() + " (" + visible.disabledReason() + "); create a new one to receive events")
            .exception());
      }
      if (deliveryId == null) {
        return Future.failedFuture(ChorusError.of(ErrorCode.NOT_FOUND, "no delivery " + request.deliveryId()).exception());
      }
      return pool.preparedQuery(SubscriptionSql.REPLAY)
          .execute(Tuple.of(deliveryId, UUID.fromString(visible.id()), request.actor()))
          .compose(rows -> rows.size() == 0
              ? Future.failedFuture(ChorusError.of(ErrorCode.NOT_FOUND, "no delivery " + deliveryId
                  + " for subscription " + visible.id()).exception())
              : Future.succeededFuture(delivery(rows.iterator().next())));
    });
  }

  /** The target as a URI, or an exception saying what is wrong with it. */
  static URI target(String url) {
    if (url == null || url.isBlank()) {
      throw new IllegalArgumentException("a target URL is required");
    }
    try {
      URI uri = new URI(url.trim());
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (!scheme.equals("https") && !scheme.equals("http")) {
        throw new IllegalArgumentException("must be an http:// or https:// URL");
      }
      if (uri.getHost() == null || uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
        throw new IllegalArgumentException("must name a host, with no user name and no #fragment");
      }
      return uri;
    } catch (URISyntaxException malformed) {
      throw new IllegalArgumentException("is not a URL: " + malformed.getReason());
    }
  }

  /** What is wrong with the event types a subscription asks for, or null when nothing is. */
  static String eventTypesProblem(List<String> eventTypes) {
    if (eventTypes == null || eventTypes.isEmpty()) {
      return "eventTypes: name at least one of " + knownTypes();
    }
    for (String type : eventTypes) {
      if (WebhookEventType.find(type).isEmpty()) {
        return "eventTypes: '" + type + "' is not one of " + knownTypes();
      }
    }
    return null;
  }

  private static String knownTypes() {
    return String.join(", ", Arrays.stream(WebhookEventType.values()).map(WebhookEventType::id).toList());
  }

  private static WebhookSubscription subscription(Row row, boolean withSecret) {
    return new WebhookSubscription(row.getUUID("id").toString(), row.getString("brand_id"), row.getString("url"),
        Arrays.asList(row.getArrayOfStrings("event_types")), row.getString("description"), row.getString("status"),
        row.getString("disabled_reason"), withSecret ? row.getString("secret") : null,
        instant(row.getOffsetDateTime("previous_secret_expires_at")), instant(row.getOffsetDateTime("created_at")),
        instant(row.getOffsetDateTime("updated_at")));
  }

  private static WebhookDelivery delivery(Row row) {
    return new WebhookDelivery(row.getUUID("id").toString(), row.getUUID("subscription_id").toString(),
        row.getUUID("event_id").toString(), row.getString("event_type"), row.getString("status"),
        row.getInteger("attempts"), instant(row.getOffsetDateTime("next_attempt_at")),
        instant(row.getOffsetDateTime("last_attempt_at")), row.getInteger("last_status"), row.getString("last_error"),
        instant(row.getOffsetDateTime("delivered_at")), instant(row.getOffsetDateTime("created_at")));
  }

  private static <T> List<T> map(RowSet<Row> rows, Function<Row, T> mapper) {
    List<T> items = new ArrayList<>(rows.size());
    rows.forEach(row -> items.add(mapper.apply(row)));
    return items;
  }

  private static UUID uuid(String id) {
    try {
      return id == null ? null : UUID.fromString(id);
    } catch (IllegalArgumentException notAUuid) {
      return null;
    }
  }

  private static Instant instant(OffsetDateTime at) {
    return at == null ? null : at.toInstant();
  }

  private static <T> Future<T> invalid(String message) {
    return Future.failedFuture(ChorusError.of(ErrorCode.INVALID_REQUEST, message).exception());
  }

  private static <T> Future<T> notFound(String id) {
    return Future.failedFuture(ChorusError.of(ErrorCode.NOT_FOUND, "no webhook subscription " + id).exception());
  }
}
