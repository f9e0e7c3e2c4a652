package io.chorus.web.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.chorus.contracts.Addresses;
import io.chorus.contracts.pipeline.PostPage;
import io.chorus.contracts.pipeline.PostQuery;
import io.chorus.web.WebTestSupport;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@ExtendWith(VertxExtension.class)
@DisplayName("API requests checked against the OpenAPI document")
class RequestValidationTest {
  private static final String POST_ID = "7d3c0e5e-9a4b-4c57-8f1e-2b6a9d0c4e11";
  private static final int MAX_BODY_BYTES = 8_192;

  /** Every message the stand-in services received: none may arrive for a refused request. */
  private final List<Object> asked = new CopyOnWriteArrayList<>();
  private WebClient client;

  @BeforeEach
  void deploy(Vertx vertx, VertxTestContext ctx) {
    for (String address : List.of(Addresses.PIPELINE_QUERY, Addresses.PIPELINE_REVIEW, Addresses.PIPELINE_COMMAND,
        Addresses.PIPELINE_VARIANTS, Addresses.CONTENT_USAGE, Addresses.WEBHOOKS_MANAGE)) {
      vertx.eventBus().consumer(address, message -> {
        asked.add(message.body());
        if (message.body() instanceof PostQuery) {
          message.reply(new PostPage(List.of()));
        }
      });
    }
    JsonObject config = WebTestSupport.config();
    config.getJsonObject("http").put("maxBodyBytes", MAX_BODY_BYTES);
    WebTestSupport.deploy(vertx, config).onComplete(ctx.succeeding(web -> {
      client = WebTestSupport.client(vertx, web);
      ctx.completeNow();
    }));
  }

  @ParameterizedTest(name = "GET {0} names {1}: {2}")
  @CsvSource(delimiter = '|', value = {
      "/api/v1/posts?limit=abc                     | limit    | must be an integer",
      "/api/v1/posts?limit=0                       | limit    | must be at least 1",
      "/api/v1/posts?limit=501                     | limit    | must be at most 500",
      "/api/v1/posts?state=LOST                    | state    | must be one of: PLANNED, GENERATED",
      "/api/v1/posts?brand=north%20wind            | brand    | must match ^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$",
      "/api/v1/dead-letters?platform=myspace       | platform | must be one of: facebook, x",
      "/api/v1/usage?from=yesterday                | from     | must be a date such as 2030-01-31",
      "/api/v1/posts/not-a-uuid/variants           | id       | must be a UUID",
      "/api/v1/webhooks/" + "not-a-uuid            | id       | must be a UUID",
      "/api/v1/webhooks/" + POST_ID + "/deliveries?status=LOST | status | must be one of: PENDING, SUCCEEDED, DEAD"})
  @DisplayName("a bad query or path parameter is a 400 problem naming it, and no service is asked")
  void refusesBadParameters(String uri, String field, String message, VertxTestContext ctx) {
    client.get(uri).send()
        .onComplete(ctx.succeeding(response -> ctx.verify(() -> {
          assertFieldProblem(response, field, message);
          assertThat(asked).isEmpty();
          ctx.completeNow();
        })));
  }

  @ParameterizedTest(name = "{0} {1} {2} names {3}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      // A required field is missing.
      "POST  | /api/v1/posts/p-1/reject     | {}                                                        | reason                  | is required",
      "POST  | /api/v1/posts/p-1/reschedule | ``                                                        | scheduledAt             | is required",
      "POST  | /api/v1/webhooks             | {\"brandId\": \"northwind\", \"eventTypes\": [\"post.published\"]} | url        | is required",
      "POST  | /api/v1/tokens               | {\"name\": \"ci\"}                                        | role                    | is required",
      "POST  | /api/v1/brands/northwind/accounts | {\"id\": \"nw-x\", \"platform\": \"x\", \"handle\": \"@nw\", \"externalId\": \"42\", \"credentials\": {\"refreshToken\": \"r\"}} | credentials.accessToken | is required",
      // A field of the wrong type.
      "POST  | /api/v1/posts/p-1/approve    | {\"note\": false}                                         | note                    | must be a string",
      "POST  | /api/v1/posts/p-1/requeue    | {\"reason\": 7}                                           | reason                  | must be a string",
      "POST  | /api/v1/webhooks             | {\"brandId\": \"northwind\", \"url\": \"https://crm.example.com/h\", \"eventTypes\": \"post.published\"} | eventTypes | must be an array",
      "POST  | /api/v1/brands/northwind/campaigns | {\"id\": \"autumn\", \"name\": \"Autumn\", \"calendar\": {\"everySeconds\": \"often\", \"startsAt\": \"2030-01-01T00:00:00Z\"}} | calendar.everySeconds | must be an integer",
      // A value outside its enumeration.
      "POST  | /api/v1/webhooks             | {\"brandId\": \"northwind\", \"url\": \"https://crm.example.com/h\", \"eventTypes\": [\"post.published\", \"post.exploded\"]} | eventTypes | at /eventTypes/1: must be one of: post.published",
      "POST  | /api/v1/tokens               | {\"name\": \"ci\", \"role\": \"god\"}                      | role                    | must be one of: admin, editor, reviewer, viewer, partner",
      "PATCH | /api/v1/brands/northwind/accounts/nw-x | {\"status\": \"DELETED\"}                       | status                  | must be one of: ACTIVE, PAUSED",
      "POST  | /api/v1/brands/northwind/campaigns | {\"id\": \"autumn\", \"name\": \"Autumn\", \"platforms\": [\"myspace\"], \"calendar\": {\"everySeconds\": 3600, \"startsAt\": \"2030-01-01T00:00:00Z\"}} | platforms | at /platforms/0: must be one of: facebook",
      // Lengths, bounds, patterns and formats.
      "POST  | /api/v1/posts/p-1/approve    | {\"text\": \"\"}                                          | text                    | must not be empty",
      "POST  | /api/v1/posts/p-1/reject     | {\"reason\": \"   \"}                                     | reason                  | must not be blank",
      "POST  | /api/v1/brands/northwind/campaigns | {\"id\": \"autumn\", \"name\": \"Autumn\", \"calendar\": {\"everySeconds\": 0, \"startsAt\": \"2030-01-01T00:00:00Z\"}} | calendar.everySeconds | must be at least 1",
      "POST  | /api/v1/brands               | {\"id\": \"North Wind\", \"name\": \"Northwind\"}          | id                      | must match ^[a-z0-9][a-z0-9-]{1,62}$",
      "POST  | /api/v1/posts                | {\"brandId\": \"northwind\", \"accountId\": \"nw-x\", \"text\": \"Hi\", \"scheduledAt\": \"tomorrow\"} | scheduledAt | must be a date and time",
      "POST  | /api/v1/posts                | {\"brandId\": \"northwind\", \"accountId\": \"nw-x\", \"text\": \"\"} | text                 | must not be empty",
      "PATCH | /api/v1/brands/northwind      | {}                                                       | body                    | must set at least 1 field",
      // A field the document does not know, and a body that is not an object.
      "POST  | /api/v1/posts/p-1/approve    | {\"txt\": \"Better words\"}                               | txt                     | is not a field of this request",
      "POST  | /api/v1/posts/p-1/approve    | [1, 2]                                                    | body                    | must be a JSON object",
      "POST  | /api/v1/webhooks             | {not json                                                 | body                    | must be a JSON document"})
  @DisplayName("a bad body is a 400 problem naming the field at fault, and no service is asked")
  void refusesBadBodies(HttpMethod method, String path, String body, String field, String message,
      VertxTestContext ctx) {
    client.request(method, path).putHeader("Content-Type", "application/json")
        .sendBuffer(Buffer.buffer(body == null ? "" : body))
        .onComplete(ctx.succeeding(response -> ctx.verify(() -> {
          assertFieldProblem(response, field, message);
          assertThat(asked).isEmpty();
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("names every field at fault, once each")
  void namesEveryField(VertxTestContext ctx) {
    client.post("/api/v1/brands").sendJsonObject(new JsonObject().put("timeZone", 1).put("voice", "warm"))
        .onComplete(ctx.succeeding(response -> ctx.verify(() -> {
          assertThat(response.statusCode()).isEqualTo(400);
          JsonArray errors = response.bodyAsJsonObject().getJsonArray("errors");
          assertThat(errors.stream().map(error -> ((JsonObject) error).getString("field")))
              .containsExactlyInAnyOrder("id", "name", "timeZone");
          assertThat(response.bodyAsJsonObject().getString("detail")).isEqualTo("The request has 3 invalid parameters.");
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("a body sent as something other than JSON is a 415 problem")
  void refusesOtherMediaTypes(VertxTestContext ctx) {
    client.post("/api/v1/posts/p-1/reject").putHeader("Content-Type", "text/plain")
        .sendBuffer(Buffer.buffer("off-brand"))
        .onComplete(ctx.succeeding(response -> ctx.verify(() -> {
          assertThat(response.statusCode()).isEqualTo(415);
          assertThat(response.getHeader("Content-Type")).isEqualTo("application/problem+json");
          assertThat(response.bodyAsJsonObject().getJsonArray("errors").getJsonObject(0).getString("field"))
              .isEqualTo("Content-Type");
          assertThat(asked).isEmpty();
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("a body over http.maxBodyBytes is a 413 problem, before any validation")
  void refusesLargeBodies(VertxTestContext ctx) {
    JsonObject huge = new JsonObject().put("brandId", "northwind").put("url", "https://crm.example.com/h")
        .put("eventTypes", new JsonArray().add("post.published")).put("description", "x".repeat(MAX_BODY_BYTES));
    client.post("/api/v1/webhooks").sendJsonObject(huge)
        .onComplete(ctx.succeeding(response -> ctx.verify(() -> {
          assertThat(response.statusCode()).isEqualTo(413);
          assertThat(response.getHeader("Content-Type")).isEqualTo("application/problem+json");
          assertThat(response.bodyAsJsonObject().getInteger("status")).isEqualTo(413);
          assertThat(asked).isEmpty();
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("a valid request reaches its handler; empty query values count as absent; JSON may come without a content type")
  void letsValidRequestsThrough(VertxTestContext ctx) {
    client.get("/api/v1/posts?state=&platform=X&brand=northwind&campaign=autumn&limit=200").send()
        .compose(listed -> {
          ctx.verify(() -> assertThat(listed.statusCode()).as(listed.bodyAsString()).isEqualTo(200));
          return client.post("/api/v1/posts/p-1/requeue").sendBuffer(Buffer.buffer("{\"reason\": \"x is back\"}"));
        })
        .onComplete(ctx.succeeding(requeued -> ctx.verify(() -> {
          // The pipeline stand-in never answers commands, so the handler's request times out.
          assertThat(requeued.statusCode()).isEqualTo(504);
          assertThat(asked).hasSize(2);
          assertThat(asked.get(0)).isInstanceOf(PostQuery.class);
          ctx.completeNow();
        })));
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "POST  | /api/v1/posts                | {\"brandId\": \"northwind\", \"accountId\": \"nw-x\", \"campaignId\": \"autumn\", \"text\": \"Fresh roast today\", \"mediaUrl\": \"https://cdn.example.com/roast.jpg\", \"scheduledAt\": \"2030-01-31T09:00:00+01:00\"}",
      "POST  | /api/v1/tokens               | {\"name\": \"CRM sync\", \"role\": \"partner\", \"brandId\": \"northwind\"}",
      "POST  | /api/v1/tokens               | {\"name\": \"ops\", \"role\": \"admin\", \"brandId\": null}",
      "POST  | /api/v1/brands               | {\"id\": \"northwind\", \"name\": \"Northwind Coffee\", \"timeZone\": \"Europe/Berlin\", \"voice\": \"warm\", \"bannedWords\": [\"cheap\"]}",
      "PATCH | /api/v1/brands/northwind     | {\"bannedWords\": []}",
      "POST  | /api/v1/brands/northwind/accounts | {\"id\": \"nw-x\", \"platform\": \"x\", \"handle\": \"@northwind\", \"externalId\": \"1850000000\", \"credentials\": {\"accessToken\": \"a\", \"refreshToken\": \"r\", \"expiresAt\": \"2030-01-01T00:00:00Z\"}}",
      "PATCH | /api/v1/brands/northwind/accounts/nw-x | {\"status\": \"PAUSED\", \"credentials\": {\"accessToken\": \"b\"}}",
      "POST  | /api/v1/brands/northwind/campaigns | {\"id\": \"autumn\", \"name\": \"Autumn\", \"brief\": \"New roast\", \"keyMessages\": [\"fresh\"], \"hashtags\": [\"#coffee\"], \"callToAction\": \"Visit\", \"platforms\": [\"x\", \"linkedin\"], \"calendar\": {\"everySeconds\": 3600, \"startsAt\": \"2030-01-01T00:00:00Z\", \"endsAt\": null, \"maxSlots\": 10}}",
      "PATCH | /api/v1/brands/northwind/campaigns/autumn | {\"calendar\": {\"everySeconds\": 7200, \"startsAt\": \"2030-01-01T00:00:00Z\"}}"})
  @DisplayName("the documented bodies of the write operations pass validation")
  void acceptsTheDocumentedShapes(HttpMethod method, String path, String body, VertxTestContext ctx) {
    client.request(method, path).putHeader("Content-Type", "application/json").sendBuffer(Buffer.buffer(body))
        .onComplete(ctx.succeeding(response -> ctx.verify(() -> {
          // Past validation no service answers here (503), which is beside the point: it was not a 400.
          assertThat(response.statusCode()).as(response.bodyAsString()).isNotIn(400, 415);
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("a request the document does not describe passes through untouched")
  void passesUndocumentedRequests(Vertx vertx, VertxTestContext ctx) {
    OpenApi.load(vertx)
        .compose(openApi -> {
          Router router = Router.router(vertx);
          router.route("/api/v1/*").handler(BodyHandler.create(false));
          router.route("/api/v1/*").handler(openApi.validator());
          router.post("/api/v1/not-yet-documented").handler(rc -> rc.end("reached " + rc.body().asString()));
          router.post("/api/v1/posts/:id/reject").handler(rc -> rc.end("reached"));
          return vertx.createHttpServer().requestHandler(router).listen(0, WebTestSupport.HOST);
        })
        .compose(server -> {
          WebClient local = WebClient.create(vertx, new WebClientOptions().setDefaultHost(WebTestSupport.HOST)
              .setDefaultPort(server.actualPort()));
          return Future.all(
              local.post("/api/v1/not-yet-documented").sendBuffer(Buffer.buffer("{\"anything\": 1}")),
              local.post("/api/v1/posts/p-1/reject").sendJsonObject(new JsonObject()));
        })
        .onComplete(ctx.succeeding(both -> ctx.verify(() -> {
          HttpResponse<Buffer> undocumented = both.resultAt(0);
          HttpResponse<Buffer> documented = both.resultAt(1);
          assertThat(undocumented.statusCode()).isEqualTo(200);
          assertThat(undocumented.bodyAsString()).isEqualTo("reached {\"anything\": 1}");
          assertThat(documented.statusCode()).isEqualTo(400);
          ctx.completeNow();
        })));
  }

  private static void assertFieldProblem(HttpResponse<Buffer> response, String field, String message) {
    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(400);
    assertThat(response.getHeader("Content-Type")).isEqualTo("application/problem+json");
    JsonObject problem = response.bodyAsJsonObject();
    assertThat(problem.getString("type")).isEqualTo("urn:chorus:problem:invalid-request");
    assertThat(problem.getInteger("status")).isEqualTo(400);
    assertThat(problem.getString("detail")).isNotBlank();
    JsonObject error = problem.getJsonArray("errors").getJsonObject(0);
    assertThat(error.getString("field")).isEqualTo(field);
    assertThat(error.getString("message")).startsWith(message);
    assertThat(response.bodyAsString()).doesNotContain("Exception", "io.vertx");
  }
}
