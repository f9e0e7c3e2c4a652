package io.chorus.web.usage;

import io.chorus.contracts.Addresses;
import io.chorus.contracts.JsonRecordCodec;
import io.chorus.contracts.content.UsageLine;
import io.chorus.contracts.content.UsageQuery;
import io.chorus.contracts.content.UsageReport;
import io.chorus.web.auth.Access;
import io.chorus.web.problem.Problem;
import io.chorus.web.problem.Problems;
import io.vertx.core.Handler;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.List;

/**
 * {@code GET /api/v1/usage?brand=&from=&to=}: LLM tokens and cost per UTC day, brand, provider and
 * model, with their totals, asked of the Content verticle over the bus.
 */
public final class UsageHandler implements Handler<RoutingContext> {
  private final EventBus bus;
  private final DeliveryOptions delivery;

  private UsageHandler(EventBus bus, long requestTimeoutMs) {
    this.bus = bus;
    this.delivery = new DeliveryOptions().setSendTimeout(requestTimeoutMs);
  }

  public static UsageHandler create(EventBus bus, long requestTimeoutMs) {
    return new UsageHandler(bus, requestTimeoutMs);
  }

  @Override
  public void handle(RoutingContext rc) {
    UsageParams params = new UsageParams(rc.queryParams());
    if (!params.errors().isEmpty()) {
      Problems.send(rc, Problem.invalidRequest(params.errors()));
      return;
    }
    String brand = Access.listedBrand(rc, params.query().brandId());
    if (brand == Access.REFUSED) {
      return;
    }
    UsageQuery query = new UsageQuery(brand, params.query().from(), params.query().to());
    bus.<UsageReport>request(Addresses.CONTENT_USAGE, query, delivery)
        .onSuccess(reply -> rc.response()
            .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
            .end(toJson(reply.body().items()).encode()))
        .onFailure(failure -> Problems.send(rc, Problems.fromFailure(failure)));
  }

  private static JsonObject toJson(List<UsageLine> items) {
    JsonObject totals = new JsonObject()
        .put("requests", items.stream().mapToLong(UsageLine::requests).sum())
        .put("inputTokens", items.stream().mapToLong(UsageLine::inputTokens).sum())
        .put("outputTokens", items.stream().mapToLong(UsageLine::outputTokens).sum())
        .put("cost", items.stream().mapToDouble(UsageLine::cost).sum());
    return new JsonObject()
        .put("items", new JsonArray(items.stream().map(JsonRecordCodec::toJsonObject).toList()))
        .put("totals", totals);
  }
}
