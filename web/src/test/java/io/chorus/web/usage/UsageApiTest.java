package io.chorus.web.usage;

import static org.assertj.core.api.Assertions.assertThat;

import io.chorus.contracts.Addresses;
import io.chorus.contracts.content.UsageLine;
import io.chorus.contracts.content.UsageQuery;
import io.chorus.contracts.content.UsageReport;
import io.chorus.web.WebTestSupport;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@ExtendWith(VertxExtension.class)
@DisplayName("LLM usage through the REST API")
class UsageApiTest {
  private static final LocalDate DAY = LocalDate.parse("2026-11-24");

  private final List<UsageQuery> queries = new CopyOnWriteArrayList<>();

  /** Stands in for the Content verticle: answers every usage query with two lines. */
  private Future<WebClient> start(Vertx vertx) {
    return WebTestSupport.deploy(vertx, WebTestSupport.config()).compose(web -> vertx.eventBus()
        .<UsageQuery>consumer(Addresses.CONTENT_USAGE, request -> {
          queries.add(request.body());
          request.reply(new UsageReport(List.of(
              new UsageLine(DAY, "northwind", "anthropic", "claude-haiku-4-5", 3, 900, 300, 0.0024),
              new UsageLine(DAY, "northwind", "offline", "offline-v1", 2, 400, 120, 0))));
        })
        .completion().map(registered -> WebTestSupport.client(vertx, web)));
  }

  @Test
  @DisplayName("filters reach the Content verticle; lines per day, brand, provider and model come back with their totals")
  void listsUsage(Vertx vertx, VertxTestContext ctx) {
    start(vertx)
        .compose(client -> client.get("/api/v1/usage?brand=northwind&from=2026-11-01&to=2026-11-30").send())
        .onComplete(ctx.succeeding(response -> ctx.verify(() -> {
          assertThat(response.statusCode()).isEqualTo(200);
          assertThat(response.getHeader("Content-Type")).startsWith("application/json");
          assertThat(queries).containsExactly(
              new UsageQuery("northwind", LocalDate.parse("2026-11-01"), LocalDate.parse("2026-11-30")));
          JsonObject body = response.bodyAsJsonObject();
          JsonObject first = body.getJsonArray("items").getJsonObject(0);
          assertThat(first.getString("day")).isEqualTo("2026-11-24");
          assertThat(first.getString("brandId")).isEqualTo("northwind");
          assertThat(first.getString("provider")).isEqualTo("anthropic");
          assertThat(first.getString("model")).isEqualTo("claude-haiku-4-5");
          assertThat(first.getLong("requests")).isEqualTo(3);
          assertThat(first.getLong("inputTokens")).isEqualTo(900);
          assertThat(first.getLong("outputTokens")).isEqualTo(300);
          assertThat(first.getDouble("cost")).isEqualTo(0.0024);
          JsonObject totals = body.getJsonObject("totals");
          assertThat(totals.getLong("requests")).isEqualTo(5);
          assertThat(totals.getLong("inputTokens")).isEqualTo(1300);
          assertThat(totals.getLong("outputTokens")).isEqualTo(420);
          assertThat(totals.getDouble("cost")).isEqualTo(0.0024);
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("with no filters every brand and day is asked for")
  void noFilters(Vertx vertx, VertxTestContext ctx) {
    start(vertx)
        .compose(client -> client.get("/api/v1/usage").send())
        .onComplete(ctx.succeeding(response -> ctx.verify(() -> {
          assertThat(response.statusCode()).isEqualTo(200);
          assertThat(queries).containsExactly(new UsageQuery(null, null, null));
          ctx.completeNow();
        })));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "from=yesterday | from",
      "to=2026-13-01 | to",
      "from=2026-11-30&to=2026-11-01 | to",
      "brand=north%20wind | brand"})
  @DisplayName("a bad parameter is a 400 problem naming it, and the Content verticle is not asked")
  void badParameters(String query, String field, Vertx vertx, VertxTestContext ctx) {
    start(vertx)
        .compose(client -> client.get("/api/v1/usage?" + query).send())
        .onComplete(ctx.succeeding(response -> ctx.verify(() -> {
          assertThat(response.statusCode()).isEqualTo(400);
          assertThat(response.getHeader("Content-Type")).isEqualTo("application/problem+json");
          assertThat(response.bodyAsJsonObject().getJsonArray("errors").getJsonObject(0).getString("field"))
              .isEqualTo(field);
          assertThat(queries).isEmpty();
          ctx.completeNow();
        })));
  }
}
