package io.chorus.web.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import io.chorus.events.webhooks.SubscriptionsVerticle;
import io.chorus.events.webhooks.WebhookDeliveryVerticle;
import io.chorus.web.WebTestSupport;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import io.vertx.sqlclient.Tuple;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@org.junit.jupiter.api.extension.ExtendWith(VertxExtension.class)
@DisplayName("Partner webhooks: subscriptions through the API, signed deliveries from the outbox, retries, dead letters and replays")
class PartnerWebhooksTest {
  private static final String TOKEN = "partner-test-token";
  private static final String DELIVERIES = "SELECT status, attempts, last_status, last_error FROM webhook_deliveries";

  private final PartnerReceiver receiver = new PartnerReceiver();
  private WebhookFixture fixture;

  @BeforeEach
  void createSchema() {
    fixture = WebhookFixture.create(getClass(), TOKEN, new JsonObject().put("outbound", new JsonObject()
        .put("pollIntervalMs", 50)
        .put("batchSize", 20)
        .put("timeoutMs", 1000)
        .put("retryScheduleSeconds", new JsonArray().add(1).add(1))
        .put("secretOverlapSeconds", 3600)
        .put("allowedTargets", new JsonArray().add("127.0.0.1"))));
  }

  @AfterEach
  void dropSchema(Vertx vertx) throws Exception {
    fixture.close(vertx);
  }

  @Test
  @DisplayName("a subscription gets its secret once; a published post arrives signed per Standard Webhooks, state changes it did not ask for do not")
  void deliversSignedEvents(Vertx vertx, VertxTestContext ctx) {
    JsonObject[] created = new JsonObject[1];
    start(vertx)
        .compose(client -> subscribe(client, receiver.url(), "post.published")
            .compose(response -> {
              ctx.verify(() -> {
                assertThat(response.statusCode()).isEqualTo(201);
                created[0] = response.bodyAsJsonObject();
                assertThat(created[0].getString("secret")).startsWith("whsec_");
                assertThat(response.getHeader("Location")).isEqualTo("/api/v1/webhooks/" + created[0].getString("id"));
                assertThat(created[0].getString("status")).isEqualTo("ACTIVE");
              });
              return client.get("/api/v1/webhooks?brandId=northwind").bearerTokenAuthentication(TOKEN).send();
            })
            .compose(list -> {
              ctx.verify(() -> {
                JsonObject listed = list.bodyAsJsonObject().getJsonArray("items").getJsonObject(0);
                assertThat(listed.getString("id")).isEqualTo(created[0].getString("id"));
                assertThat(listed.getValue("secret")).isNull();
                assertThat(listed.getJsonArray("eventTypes")).containsExactly("post.published");
              });
              return transition("post-1", "APPROVED", "SCHEDULED").compose(v -> transition("post-1", "PUBLISHING", "PUBLISHED"));
            }))
        .compose(outboxed -> WebTestSupport.eventually(vertx, 10_000, () -> receiver.received.size() == 1))
        .compose(arrived -> fixture.eventually(vertx, 10_000, DELIVERIES, Tuple.tuple(),
            rows -> rows.size() == 1 && "SUCCEEDED".equals(rows.iterator().next().getString("status"))))
        .onComplete(ctx.succeeding(rows -> ctx.verify(() -> {
          PartnerReceiver.Received request = receiver.received.peek();
          assertThat(request.signedWith(created[0].getString("secret"))).isTrue();
          assertThat(request.headers().get("content-type")).isEqualTo("application/json");
          assertThat(Long.parseLong(request.headers().get("webhook-timestamp")))
              .isCloseTo(System.currentTimeMillis() / 1000, org.assertj.core.data.Offset.offset(600L));
          JsonObject body = new JsonObject(request.body());
          assertThat(body.getString("type")).isEqualTo("post.published");
          assertThat(body.getString("timestamp")).isNotBlank();
          assertThat(body.getJsonObject("data").getString("postId")).isEqualTo("post-1");
          assertThat(body.getJsonObject("data").getString("to")).isEqualTo("PUBLISHED");
          assertThat(body.getJsonObject("data").getString("brandId")).isEqualTo("northwind");
          assertThat(receiver.received).hasSize(1);
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("a failing target is retried on the schedule with the same webhook-id, dead-lettered, then replayed by hand")
  void retriesDeadLettersAndReplays(Vertx vertx, VertxTestContext ctx) {
    receiver.statuses.addAll(List.of(500, 503, 500));
    String[] ids = new String[2];
    start(vertx)
        .compose(client -> subscribe(client, receiver.url(), "post.failed")
            .compose(created -> {
              ids[0] = created.bodyAsJsonObject().getString("id");
              return transition("post-2", "PUBLISHING", "FAILED");
            })
            .compose(outboxed -> fixture.eventually(vertx, 15_000, DELIVERIES, Tuple.tuple(),
                rows -> rows.size() == 1 && "DEAD".equals(rows.iterator().next().getString("status"))))
            .compose(dead -> client.get("/api/v1/webhooks/" + ids[0] + "/deliveries?status=DEAD")
                .bearerTokenAuthentication(TOKEN).send())
            .compose(listed -> {
              JsonObject delivery = listed.bodyAsJsonObject().getJsonArray("items").getJsonObject(0);
              ctx.verify(() -> {
                assertThat(delivery.getInteger("attempts")).isEqualTo(3);
                assertThat(delivery.getInteger("lastStatus")).isEqualTo(500);
                assertThat(delivery.getString("eventType")).isEqualTo("post.failed");
              });
              ids[1] = delivery.getString("id");
              return client.post("/api/v1/webhooks/" + ids[0] + "/deliveries/" + ids[1] + "/replay")
                  .bearerTokenAuthentication(TOKEN).send();
            }))
        .compose(replayed -> {
          ctx.verify(() -> {
            assertThat(replayed.statusCode()).isEqualTo(200);
            assertThat(replayed.bodyAsJsonObject().getString("status")).isEqualTo("PENDING");
          });
          return fixture.eventually(vertx, 10_000, DELIVERIES, Tuple.tuple(),
              rows -> "SUCCEEDED".equals(rows.iterator().next().getString("status")));
        })
        .onComplete(ctx.succeeding(rows -> ctx.verify(() -> {
          List<PartnerReceiver.Received> requests = receiver.all();
          assertThat(requests).hasSize(4);
          assertThat(requests).extracting(PartnerReceiver.Received::id).containsOnly(requests.get(0).id());
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("a target that does not answer within the timeout is tried again, and the retry that gets a 2xx succeeds")
  void timeoutIsAFailure(Vertx vertx, VertxTestContext ctx) {
    receiver.statuses.add(PartnerReceiver.NO_ANSWER);
    start(vertx)
        .compose(client -> subscribe(client, receiver.url(), "post.published"))
        .compose(created -> transition("post-6", "PUBLISHING", "PUBLISHED"))
        .compose(outboxed -> fixture.eventually(vertx, 10_000, DELIVERIES, Tuple.tuple(),
            rows -> rows.size() == 1 && rows.iterator().next().getString("last_error") != null))
        .compose(timedOut -> {
          ctx.verify(() -> assertThat(timedOut.iterator().next().getString("last_error")).contains("timeout"));
          return fixture.eventually(vertx, 10_000, DELIVERIES, Tuple.tuple(),
              rows -> "SUCCEEDED".equals(rows.iterator().next().getString("status")));
        })
        .onComplete(ctx.succeeding(rows -> ctx.verify(() -> {
          assertThat(rows.iterator().next().getInteger("attempts")).isEqualTo(2);
          List<PartnerReceiver.Received> requests = receiver.all();
          assertThat(requests).hasSize(2).extracting(PartnerReceiver.Received::id).containsOnly(requests.get(0).id());
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("a target answering 410 Gone disables its subscription")
  void goneDisables(Vertx vertx, VertxTestContext ctx) {
    receiver.statuses.add(410);
    String[] id = new String[1];
    start(vertx)
        .compose(client -> subscribe(client, receiver.url(), "post.state_changed")
            .compose(created -> {
              id[0] = created.bodyAsJsonObject().getString("id");
              return transition("post-3", "SCHEDULED", "PUBLISHING");
            })
            .compose(outboxed -> fixture.eventually(vertx, 10_000, DELIVERIES, Tuple.tuple(),
                rows -> rows.size() == 1 && "DEAD".equals(rows.iterator().next().getString("status"))))
            .compose(dead -> client.get("/api/v1/webhooks/" + id[0]).bearerTokenAuthentication(TOKEN).send()))
        .onComplete(ctx.succeeding(response -> ctx.verify(() -> {
          assertThat(response.bodyAsJsonObject().getString("status")).isEqualTo("DISABLED");
          assertThat(response.bodyAsJsonObject().getString("disabledReason")).contains("410");
          assertThat(receiver.received).hasSize(1);
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("after a secret rotation deliveries carry two signatures, one with the new secret and one with the old, until it expires")
  void rotationOverlaps(Vertx vertx, VertxTestContext ctx) {
    String[] secrets = new String[2];
    start(vertx)
        .compose(client -> subscribe(client, receiver.url(), "post.published")
            .compose(created -> {
              secrets[0] = created.bodyAsJsonObject().getString("secret");
              return client.post("/api/v1/webhooks/" + created.bodyAsJsonObject().getString("id") + "/rotate-secret")
                  .bearerTokenAuthentication(TOKEN).send();
            }))
        .compose(rotated -> {
          ctx.verify(() -> {
            assertThat(rotated.statusCode()).isEqualTo(200);
            assertThat(rotated.bodyAsJsonObject().getString("previousSecretExpiresAt")).isNotNull();
          });
          secrets[1] = rotated.bodyAsJsonObject().getString("secret");
          return transition("post-4", "PUBLISHING", "PUBLISHED");
        })
        .compose(outboxed -> WebTestSupport.eventually(vertx, 10_000, () -> receiver.received.size() == 1))
        .onComplete(ctx.succeeding(arrived -> ctx.verify(() -> {
          PartnerReceiver.Received request = receiver.received.peek();
          assertThat(secrets[1]).isNotEqualTo(secrets[0]).startsWith("whsec_");
          assertThat(request.headers().get("webhook-signature").split(" ")).hasSize(2);
          assertThat(request.signedWith(secrets[1])).isTrue();
          assertThat(request.signedWith(secrets[0])).isTrue();
          ctx.completeNow();
        })));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"http://10.0.0.8/hook", "http://169.254.169.254/latest/meta-data", "http://[::1]:8080/hook",
      "http://224.0.0.1/hook", "http://192.168.1.20:9000/hook", "ftp://example.com/hook"})
  @DisplayName("a target in a private, loopback, link-local or multicast range, or not http(s), is refused with a 400 naming url")
  void refusesPrivateTargets(String url, Vertx vertx, VertxTestContext ctx) {
    start(vertx)
        .compose(client -> subscribe(client, url, "post.published"))
        .onComplete(ctx.succeeding(response -> ctx.verify(() -> {
          assertThat(response.statusCode()).isEqualTo(400);
          assertThat(response.getHeader("Content-Type")).isEqualTo("application/problem+json");
          assertThat(response.bodyAsJsonObject().getJsonArray("errors").getJsonObject(0).getString("field"))
              .isEqualTo("url");
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("a target whose address turned private after subscribing (DNS rebinding) is checked again at delivery and never called")
  void checksTargetsAtDelivery(Vertx vertx, VertxTestContext ctx) {
    start(vertx)
        .compose(client -> fixture.sql("""
            INSERT INTO webhook_subscriptions (brand_id, url, event_types, secret)
            VALUES ('northwind', 'http://10.0.0.8/hook', '{post.published}', 'whsec_c2VjcmV0LWtleS1mb3ItdGVzdHM=')
            """, Tuple.tuple()))
        .compose(inserted -> transition("post-5", "PUBLISHING", "PUBLISHED"))
        .compose(outboxed -> fixture.eventually(vertx, 10_000, DELIVERIES, Tuple.tuple(),
            rows -> rows.size() == 1 && rows.iterator().next().getString("last_error") != null))
        .onComplete(ctx.succeeding(rows -> ctx.verify(() -> {
          assertThat(rows.iterator().next().getString("last_error")).contains("10.0.0.8").contains("not a public address");
          assertThat(rows.iterator().next().getValue("last_status")).isNull();
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("a subscription with an unknown event type or without a brand is a 400 naming the field")
  void validatesSubscriptions(Vertx vertx, VertxTestContext ctx) {
    start(vertx)
        .compose(client -> client.post("/api/v1/webhooks").bearerTokenAuthentication(TOKEN)
            .sendJsonObject(new JsonObject().put("brandId", "northwind").put("url", receiver.url())
                .put("eventTypes", new JsonArray().add("post.exploded")))
            .compose(unknownType -> client.post("/api/v1/webhooks").bearerTokenAuthentication(TOKEN)
                .sendJsonObject(new JsonObject().put("brandId", "nobody").put("url", receiver.url())
                    .put("eventTypes", new JsonArray().add("post.published")))
                .map(unknownBrand -> List.of(unknownType, unknownBrand))))
        .onComplete(ctx.succeeding(responses -> ctx.verify(() -> {
          assertThat(responses.get(0).statusCode()).isEqualTo(400);
          assertThat(responses.get(0).bodyAsJsonObject().getJsonArray("errors").getJsonObject(0).getString("field"))
              .isEqualTo("eventTypes");
          assertThat(responses.get(1).statusCode()).isEqualTo(400);
          assertThat(responses.get(1).bodyAsJsonObject().getJsonArray("errors").getJsonObject(0).getString("field"))
              .isEqualTo("brandId");
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("the webhook API needs the bearer token; a deleted subscription is gone")
  void managesWithToken(Vertx vertx, VertxTestContext ctx) {
    start(vertx)
        .compose(client -> client.get("/api/v1/webhooks").send()
            .compose(anonymous -> {
              ctx.verify(() -> assertThat(anonymous.statusCode()).isEqualTo(401));
              return subscribe(client, receiver.url(), "report.ready");
            })
            .compose(created -> {
              String id = created.bodyAsJsonObject().getString("id");
              return client.delete("/api/v1/webhooks/" + id).bearerTokenAuthentication(TOKEN).send()
                  .compose(deleted -> {
                    ctx.verify(() -> assertThat(deleted.statusCode()).isEqualTo(204));
                    return client.get("/api/v1/webhooks/" + id).bearerTokenAuthentication(TOKEN).send();
                  });
            })
            .compose(missing -> {
              ctx.verify(() -> assertThat(missing.statusCode()).isEqualTo(404));
              return client.get("/api/v1/webhooks/" + UUID.randomUUID() + "/deliveries?limit=0")
                  .bearerTokenAuthentication(TOKEN).send();
            }))
        .onComplete(ctx.succeeding(badLimit -> ctx.verify(() -> {
          assertThat(badLimit.statusCode()).isEqualTo(400);
          ctx.completeNow();
        })));
  }

  /** Appends a post state change to the outbox the way pipeline transitions do. */
  private Future<Void> transition(String postId, String from, String to) {
    return fixture.sql("""
        INSERT INTO outbox (brand_id, type, subject, payload)
        VALUES ('northwind', 'post.state_changed', $1,
                jsonb_build_object('postId', $1::text, 'platform', 'x', 'from', $2::text, 'to', $3::text,
                                   'at', now(), 'detail', NULL))
        """, Tuple.of(postId, from, to)).mapEmpty();
  }

  private static Future<HttpResponse<Buffer>> subscribe(WebClient client, String url, String eventType) {
    return client.post("/api/v1/webhooks").bearerTokenAuthentication(TOKEN)
        .sendJsonObject(new JsonObject().put("brandId", "northwind").put("url", url)
            .put("eventTypes", new JsonArray().add(eventType)).put("description", "CRM sync"));
  }

  private Future<WebClient> start(Vertx vertx) {
    return fixture.prepare(vertx)
        .compose(migrated -> receiver.start(vertx))
        .compose(listening -> fixture.deploy(vertx, SubscriptionsVerticle::new))
        .compose(subscriptions -> fixture.deploy(vertx, WebhookDeliveryVerticle::new))
        .compose(delivery -> fixture.deployWeb(vertx));
  }
}
