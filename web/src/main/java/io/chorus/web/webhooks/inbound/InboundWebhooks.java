package io.chorus.web.webhooks.inbound;

import io.chorus.contracts.Addresses;
import io.chorus.contracts.events.InboundEventsStored;
import io.chorus.contracts.events.StoreInboundEvents;
import io.chorus.contracts.platform.PlatformEvent;
import io.chorus.web.problem.FieldError;
import io.chorus.web.problem.Problem;
import io.chorus.web.problem.ProblemTypes;
import io.chorus.web.problem.Problems;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The platforms' inbound webhooks at {@code /webhooks/<platform>}: each request's signature is
 * checked on the raw body, its events are stored durably (through the inbound store on the bus)
 * and only then acknowledged with 200, so an acknowledged event is never lost. A repeated event
 * is acknowledged but not stored again. Only platforms with a configured secret are mounted.
 */
public final class InboundWebhooks {
  private static final Logger LOG = LoggerFactory.getLogger(InboundWebhooks.class);
  /** Where the webhooks live; platforms are given {@code <public base URL>/webhooks/<name>}. */
  public static final String PATH = "/webhooks/";

  private final EventBus bus;
  private final DeliveryOptions delivery;

  private InboundWebhooks(EventBus bus, long storeTimeoutMs) {
    this.bus = bus;
    this.delivery = new DeliveryOptions().setSendTimeout(storeTimeoutMs);
  }

  /** Mounts the webhook of every platform configured in {@code options}; returns their names. */
  public static List<String> mount(Router router, EventBus bus, InboundWebhookOptions options, long storeTimeoutMs) {
    InboundWebhooks webhooks = new InboundWebhooks(bus, storeTimeoutMs);
    List<PlatformWebhook> configured = new ArrayList<>();
    if (options.metaAppSecret() != null) {
      configured.add(new MetaWebhook(options.metaVerifyToken(), options.metaAppSecret()));
    }
    if (options.xConsumerSecret() != null) {
      configured.add(new XWebhook(options.xConsumerSecret()));
    }
    if (options.linkedinClientSecret() != null) {
      configured.add(new LinkedInWebhook(options.linkedinClientSecret()));
    }
    if (options.tiktokClientSecret() != null) {
      configured.add(new TikTokWebhook(options.tiktokClientSecret(), options.toleranceSeconds()));
    }
    for (PlatformWebhook webhook : configured) {
      String path = PATH + webhook.name();
      if (webhook.hasHandshake()) {
        router.get(path).handler(webhook::handshake);
      }
      router.post(path).handler(BodyHandler.create(false).setBodyLimit(options.maxBodyBytes()));
      router.post(path).handler(rc -> webhooks.receive(webhook, rc));
    }
    return configured.stream().map(PlatformWebhook::name).toList();
  }

  private void receive(PlatformWebhook webhook, RoutingContext rc) {
    String rejection = webhook.rejection(rc.request().headers(), rc.body().buffer() == null
        ? Buffer.buffer() : rc.body().buffer(), Instant.now().getEpochSecond());
    if (rejection != null) {
      LOG.warn("Refused a {} webhook from {}: {}", webhook.name(), rc.request().remoteAddress(), rejection);
      Problems.send(rc, Problem.of(ProblemTypes.UNAUTHORIZED, "Unauthorized", 401, rejection));
      return;
    }
    List<PlatformEvent> events;
    try {
      events = webhook.events(rc.body().asJsonObject());
    } catch (DecodeException | ClassCastException | NullPointerException notAnObject) {
      Problems.send(rc, Problem.invalidRequest(List.of(new FieldError("body", "must be a JSON object"))));
      return;
    }
    if (events.isEmpty()) {
      acknowledge(rc, new InboundEventsStored(0, 0));
      return;
    }
    bus.<InboundEventsStored>request(Addresses.EVENTS_INBOUND_STORE, new StoreInboundEvents(events), delivery)
        .onSuccess(stored -> acknowledge(rc, stored.body()))
        // Not stored, not acknowledged: the platform delivers it again later.
        .onFailure(failure -> Problems.send(rc, Problems.fromFailure(failure)));
  }

  private static void acknowledge(RoutingContext rc, InboundEventsStored stored) {
    rc.response().putHeader("content-type", "application/json")
        .end(new JsonObject().put("stored", stored.stored()).put("duplicates", stored.duplicates()).encode());
  }
}
