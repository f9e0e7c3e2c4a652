package io.chorus.web.webhooks.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import io.chorus.contracts.Contracts;
import io.chorus.contracts.Platform;
import io.chorus.contracts.platform.PlatformEvent;
import io.chorus.contracts.platform.PlatformEvent.Kind;
import io.chorus.events.inbound.InboundDispatcherVerticle;
import io.chorus.events.inbound.InboundStoreVerticle;
import io.chorus.simulator.Simulator;
import io.chorus.simulator.SimulatorOptions;
import io.chorus.web.WebTestSupport;
import io.chorus.web.webhooks.WebhookFixture;
import io.vertx.core.DeploymentOptions;
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
import java.time.Instant;
import java.util.HexFormat;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@ExtendWith(VertxExtension.class)
@DisplayName("Inbound platform webhooks: checked, stored before they are acknowledged, then handed to the agents")
class InboundWebhooksTest {
  private static final String META_SECRET = "meta-app-secret";
  private static final String X_SECRET = "x-consumer-secret";
  private static final String LINKEDIN_SECRET = "linkedin-client-secret";
  private static final String TIKTOK_SECRET = "tiktok-client-secret";
  private static final String PAGE_COMMENT = new JsonObject()
      .put("object", "page")
      .put("entry", new JsonArray().add(new JsonObject()
          .put("id", "1029384756").put("time", 1764670000)
          .put("changes", new JsonArray().add(new JsonObject()
              .put("field", "feed")
              .put("value", new JsonObject()
                  .put("item", "comment").put("verb", "add")
                  .put("comment_id", "1029384756_111_222").put("post_id", "1029384756_111")
                  .put("from", new JsonObject().put("id", "55501").put("name", "Ana"))
                  .put("message", "Is the Ethiopia roast back?")
                  .put("created_time", 1764670000))))))
      .encode();
  private static final String EVENTS = "SELECT status, kind, attempts, account_handle FROM inbound_events ORDER BY received_at";

  private final Queue<PlatformEvent> received = new ConcurrentLinkedQueue<>();
  private WebhookFixture fixture;

  @BeforeEach
  void createSchema() {
    fixture = WebhookFixture.create(getClass(), null, new JsonObject().put("inbound", new JsonObject()
        .put("maxBodyBytes", 4096)
        .put("toleranceSeconds", 300)
        .put("meta", new JsonObject().put("verifyToken", "verify-me").put("appSecret", META_SECRET))
        .put("x", new JsonObject().put("consumerSecret", X_SECRET))
        .put("linkedin", new JsonObject().put("clientSecret", LINKEDIN_SECRET))
        .put("tiktok", new JsonObject().put("clientSecret", TIKTOK_SECRET))
        .put("dispatch", new JsonObject().put("pollIntervalMs", 50).put("batchSize", 10).put("requestTimeoutMs", 1000)
            .put("backoff", new JsonObject().put("initialMs", 100).put("maxMs", 500)))));
  }

  @AfterEach
  void dropSchema(Vertx vertx) throws Exception {
    fixture.close(vertx);
  }

  @Test
  @DisplayName("Meta's subscription check gets the challenge back with the right verify token, and 403 with a wrong one")
  void metaVerification(Vertx vertx, VertxTestContext ctx) {
    start(vertx, false)
        .compose(client -> client.get("/webhooks/meta?hub.mode=subscribe&hub.verify_token=verify-me&hub.challenge=1158201444")
            .send()
            .compose(right -> client.get("/webhooks/meta?hub.mode=subscribe&hub.verify_token=guess&hub.challenge=1")
                .send().map(wrong -> new HttpResponse<?>[] {right, wrong})))
        .onComplete(ctx.succeeding(responses -> ctx.verify(() -> {
          assertThat(responses[0].statusCode()).isEqualTo(200);
          assertThat(responses[0].bodyAsString()).isEqualTo("1158201444");
          assertThat(responses[1].statusCode()).isEqualTo(403);
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("X's CRC check is answered with sha256= and the base64 HMAC of the token under the consumer secret")
  void xCrc(Vertx vertx, VertxTestContext ctx) {
    start(vertx, false)
        .compose(client -> client.get("/webhooks/x?crc_token=Tk9ERS1DUkMtMQ").send())
        .onComplete(ctx.succeeding(response -> ctx.verify(() -> {
          assertThat(response.statusCode()).isEqualTo(200);
          assertThat(response.bodyAsJsonObject().getString("response_token"))
              .isEqualTo(Signatures.x(X_SECRET, "Tk9ERS1DUkMtMQ"));
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("LinkedIn's challengeCode is answered with the hex HMAC of the code under the client secret")
  void linkedinChallenge(Vertx vertx, VertxTestContext ctx) {
    String code = "890e4665-4dfe-4ab1-b689-ed553bceeed0";
    start(vertx, false)
        .compose(client -> client.get("/webhooks/linkedin?challengeCode=" + code).send())
        .onComplete(ctx.succeeding(response -> ctx.verify(() -> {
          assertThat(response.statusCode()).isEqualTo(200);
          assertThat(response.bodyAsJsonObject().getString("challengeCode")).isEqualTo(code);
          assertThat(response.bodyAsJsonObject().getString("challengeResponse"))
              .isEqualTo(HexFormat.of().formatHex(Signatures.hmac(LINKEDIN_SECRET, code)));
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("a signed Facebook comment is in PostgreSQL when it is acknowledged, and reaches the agent as a COMMENT")
  void metaCommentStoredThenHandled(Vertx vertx, VertxTestContext ctx) {
    start(vertx, false)
        .compose(client -> postMeta(client, PAGE_COMMENT))
        .compose(response -> {
          ctx.verify(() -> {
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.bodyAsJsonObject().getInteger("stored")).isEqualTo(1);
          });
          // No dispatcher runs yet: what the platform was told is stored must already be there.
          return fixture.sql(EVENTS, Tuple.tuple());
        })
        .compose(rows -> {
          ctx.verify(() -> {
            assertThat(rows.size()).isEqualTo(1);
            assertThat(rows.iterator().next().getString("status")).isEqualTo("PENDING");
          });
          return vertx.deployVerticle(new AgentStandIn(received, true))
              .compose(agent -> fixture.deploy(vertx, InboundDispatcherVerticle::new));
        })
        .compose(dispatcher -> fixture.eventually(vertx, 10_000, EVENTS, Tuple.tuple(),
            rows -> "HANDLED".equals(rows.iterator().next().getString("status"))))
        .onComplete(ctx.succeeding(rows -> ctx.verify(() -> {
          assertThat(received).hasSize(1);
          PlatformEvent event = received.peek();
          assertThat(event.platform()).isEqualTo(Platform.FACEBOOK);
          assertThat(event.kind()).isEqualTo(Kind.COMMENT);
          assertThat(event.accountHandle()).isEqualTo("1029384756");
          assertThat(event.externalId()).isEqualTo("1029384756_111_222");
          assertThat(event.inReplyToExternalId()).isEqualTo("1029384756_111");
          assertThat(event.authorHandle()).isEqualTo("55501");
          assertThat(event.text()).isEqualTo("Is the Ethiopia roast back?");
          assertThat(event.occurredAt()).isEqualTo(Instant.ofEpochSecond(1764670000));
          ctx.completeNow();
        })));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"facebook, COMMENT", "instagram, COMMENT", "x, COMMENT",
      "linkedin, COMMENT", "tiktok, OTHER"})
  @DisplayName("each platform, played by the simulator with its own payload and signature, reaches its agent")
  void simulatedPlatforms(String platform, Kind kind, Vertx vertx, VertxTestContext ctx) {
    String secret = switch (platform) {
      case "facebook", "instagram" -> META_SECRET;
      case "x" -> X_SECRET;
      case "linkedin" -> LINKEDIN_SECRET;
      default -> TIKTOK_SECRET;
    };
    Simulator simulator = Simulator.create(vertx, new SimulatorOptions().setHost("127.0.0.1").setPort(0));
    start(vertx, true)
        .compose(client -> simulator.listen())
        .compose(listening -> WebClient.create(vertx).postAbs(simulator.baseUrl() + "/_simulator/webhooks/" + platform)
            .sendJsonObject(new JsonObject().put("target", "http://127.0.0.1:" + fixture.webPort())
                .put("secret", secret).put("account", "acct-" + platform).put("text", "Love the new blend")))
        .compose(sent -> {
          ctx.verify(() -> assertThat(sent.bodyAsJsonObject().getInteger("status")).isEqualTo(200));
          return WebTestSupport.eventually(vertx, 10_000, () -> received.size() == 1);
        })
        .onComplete(ctx.succeeding(done -> ctx.verify(() -> {
          PlatformEvent event = received.peek();
          assertThat(event.platform()).isEqualTo(Platform.of(platform));
          assertThat(event.kind()).isEqualTo(kind);
          assertThat(event.accountHandle()).isEqualTo("acct-" + platform);
          if (kind == Kind.COMMENT) {
            assertThat(event.text()).isEqualTo("Love the new blend");
          }
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("the same event delivered twice is acknowledged both times, stored once and handed over once")
  void duplicatesAreHandledOnce(Vertx vertx, VertxTestContext ctx) {
    start(vertx, true)
        .compose(client -> postMeta(client, PAGE_COMMENT).compose(first -> postMeta(client, PAGE_COMMENT)))
        .compose(second -> {
          ctx.verify(() -> {
            assertThat(second.statusCode()).isEqualTo(200);
            assertThat(second.bodyAsJsonObject().getInteger("stored")).isZero();
            assertThat(second.bodyAsJsonObject().getInteger("duplicates")).isEqualTo(1);
          });
          return fixture.eventually(vertx, 10_000, EVENTS, Tuple.tuple(),
              rows -> rows.size() == 1 && "HANDLED".equals(rows.iterator().next().getString("status")));
        })
        .onComplete(ctx.succeeding(rows -> ctx.verify(() -> {
          assertThat(received).hasSize(1);
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("a wrong or missing signature is refused with 401 and nothing is stored")
  void refusesBadSignatures(Vertx vertx, VertxTestContext ctx) {
    start(vertx, true)
        .compose(client -> client.post("/webhooks/meta")
            .putHeader("X-Hub-Signature-256", Signatures.meta("not-the-secret", PAGE_COMMENT))
            .sendBuffer(Buffer.buffer(PAGE_COMMENT))
            .compose(wrong -> client.post("/webhooks/x").sendBuffer(Buffer.buffer("{}"))
                .map(missing -> new HttpResponse<?>[] {wrong, missing})))
        .compose(responses -> {
          ctx.verify(() -> {
            assertThat(responses[0].statusCode()).isEqualTo(401);
            assertThat(responses[0].getHeader("Content-Type")).isEqualTo("application/problem+json");
            assertThat(responses[1].statusCode()).isEqualTo(401);
          });
          return fixture.sql(EVENTS, Tuple.tuple());
        })
        .onComplete(ctx.succeeding(rows -> ctx.verify(() -> {
          assertThat(rows.size()).isZero();
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("X Account Activity reads a reply to the account as a COMMENT, another tweet naming it as a MENTION, a DM as a MESSAGE")
  void xEvents(Vertx vertx, VertxTestContext ctx) {
    String body = new JsonObject()
        .put("for_user_id", "2244994945")
        .put("tweet_create_events", new JsonArray()
            .add(tweet("1800000000000000001", "@northwind when do you open?", "2244994945"))
            .add(tweet("1800000000000000002", "Best flat white in town, @northwind", null)))
        .put("direct_message_events", new JsonArray().add(new JsonObject()
            .put("type", "message_create").put("id", "1800000000000000003").put("created_timestamp", "1764670000000")
            .put("message_create", new JsonObject()
                .put("target", new JsonObject().put("recipient_id", "2244994945"))
                .put("sender_id", "3805104374")
                .put("message_data", new JsonObject().put("text", "Do you ship beans?")))))
        .encode();
    start(vertx, true)
        .compose(client -> client.post("/webhooks/x")
            .putHeader("x-twitter-webhooks-signature", Signatures.x(X_SECRET, body))
            .sendBuffer(Buffer.buffer(body)))
        .compose(response -> {
          ctx.verify(() -> assertThat(response.bodyAsJsonObject().getInteger("stored")).isEqualTo(3));
          return WebTestSupport.eventually(vertx, 10_000, () -> received.size() == 3);
        })
        .onComplete(ctx.succeeding(done -> ctx.verify(() -> {
          assertThat(received).extracting(PlatformEvent::kind)
              .containsExactlyInAnyOrder(Kind.COMMENT, Kind.MENTION, Kind.MESSAGE);
          assertThat(received).allSatisfy(event -> {
            assertThat(event.platform()).isEqualTo(Platform.X);
            assertThat(event.accountHandle()).isEqualTo("2244994945");
          });
          PlatformEvent reply = received.stream().filter(e -> e.kind() == Kind.COMMENT).findFirst().orElseThrow();
          assertThat(reply.authorHandle()).isEqualTo("fan");
          assertThat(reply.inReplyToExternalId()).isEqualTo("1799999999999999999");
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("a LinkedIn organization comment notification signed with X-LI-Signature reaches the agent as a COMMENT")
  void linkedinComment(Vertx vertx, VertxTestContext ctx) {
    String body = new JsonObject()
        .put("type", "ORGANIZATION_SOCIAL_ACTION_NOTIFICATIONS")
        .put("notificationId", 4711)
        .put("organizationalEntity", "urn:li:organization:2414183")
        .put("action", "COMMENT")
        .put("sourcePost", "urn:li:share:7000000000000000001")
        .put("generatedActivity", "urn:li:comment:(urn:li:activity:7000000000000000001,7000000000000000002)")
        .put("actor", "urn:li:person:abc123")
        .put("decoratedGeneratedActivity", new JsonObject().put("comment", new JsonObject().put("text", "Congrats!")))
        .put("lastModifiedAt", 1764670000000L)
        .encode();
    start(vertx, true)
        .compose(client -> client.post("/webhooks/linkedin")
            .putHeader("X-LI-Signature", Signatures.linkedin(LINKEDIN_SECRET, body))
            .sendBuffer(Buffer.buffer(body)))
        .compose(response -> {
          ctx.verify(() -> assertThat(response.statusCode()).isEqualTo(200));
          return WebTestSupport.eventually(vertx, 10_000, () -> received.size() == 1);
        })
        .onComplete(ctx.succeeding(done -> ctx.verify(() -> {
          PlatformEvent event = received.peek();
          assertThat(event.platform()).isEqualTo(Platform.LINKEDIN);
          assertThat(event.kind()).isEqualTo(Kind.COMMENT);
          assertThat(event.accountHandle()).isEqualTo("urn:li:organization:2414183");
          assertThat(event.inReplyToExternalId()).isEqualTo("urn:li:share:7000000000000000001");
          assertThat(event.text()).isEqualTo("Congrats!");
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("TikTok's signed timestamp is honoured: a fresh event is stored, one signed an hour ago is refused as a replay")
  void tiktokTimestamps(Vertx vertx, VertxTestContext ctx) {
    long now = Instant.now().getEpochSecond();
    String body = new JsonObject().put("client_key", "awx1").put("event", "video.publish.complete")
        .put("create_time", now).put("user_openid", "act.example")
        .put("content", "{\"publish_id\":\"v_pub_url~v2.123\",\"publish_type\":\"DIRECT_PUBLISH\"}").encode();
    String stale = new JsonObject(body).put("create_time", now - 3600).encode();
    start(vertx, false)
        .compose(client -> client.post("/webhooks/tiktok")
            .putHeader("TikTok-Signature", Signatures.tiktok(TIKTOK_SECRET, now, body))
            .sendBuffer(Buffer.buffer(body))
            .compose(fresh -> client.post("/webhooks/tiktok")
                .putHeader("TikTok-Signature", Signatures.tiktok(TIKTOK_SECRET, now - 3600, stale))
                .sendBuffer(Buffer.buffer(stale))
                .map(old -> new HttpResponse<?>[] {fresh, old})))
        .compose(responses -> {
          ctx.verify(() -> {
            assertThat(responses[0].statusCode()).isEqualTo(200);
            assertThat(responses[1].statusCode()).isEqualTo(401);
            assertThat(responses[1].bodyAsJsonObject().getString("detail")).contains("timestamp");
          });
          return fixture.sql(EVENTS, Tuple.tuple());
        })
        .onComplete(ctx.succeeding(rows -> ctx.verify(() -> {
          assertThat(rows.size()).isEqualTo(1);
          assertThat(rows.iterator().next().getString("kind")).isEqualTo("OTHER");
          assertThat(rows.iterator().next().getString("account_handle")).isEqualTo("act.example");
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("a body larger than webhooks.inbound.maxBodyBytes is refused with 413")
  void refusesLargeBodies(Vertx vertx, VertxTestContext ctx) {
    String body = "{\"object\":\"page\",\"padding\":\"" + "x".repeat(5000) + "\"}";
    start(vertx, false)
        .compose(client -> client.post("/webhooks/meta")
            .putHeader("X-Hub-Signature-256", Signatures.meta(META_SECRET, body))
            .sendBuffer(Buffer.buffer(body)))
        .onComplete(ctx.succeeding(response -> ctx.verify(() -> {
          assertThat(response.statusCode()).isEqualTo(413);
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("an event acknowledged to the platform survives a dispatcher that dies with it in flight: another one delivers it")
  void survivesDispatcherDeath(Vertx vertx, VertxTestContext ctx) {
    Queue<PlatformEvent> swallowed = new ConcurrentLinkedQueue<>();
    Vertx dyingNode = Vertx.vertx();
    Contracts.registerCodecs(dyingNode);
    start(vertx, false)
        .compose(client -> postMeta(client, PAGE_COMMENT))
        // The dying node's dispatcher claims the event and hands it to an agent that never answers.
        .compose(acknowledged -> dyingNode.deployVerticle(new AgentStandIn(swallowed, false)))
        .compose(agent -> dyingNode.deployVerticle(new InboundDispatcherVerticle(),
            new DeploymentOptions().setConfig(fixture.config())))
        .compose(dispatcher -> WebTestSupport.eventually(vertx, 10_000, () -> swallowed.size() == 1))
        .compose(inFlight -> dyingNode.close())
        .compose(dead -> fixture.sql(EVENTS, Tuple.tuple()))
        .compose(rows -> {
          ctx.verify(() -> {
            assertThat(rows.iterator().next().getString("status")).isEqualTo("PENDING");
            assertThat(rows.iterator().next().getInteger("attempts")).isEqualTo(1);
          });
          return vertx.deployVerticle(new AgentStandIn(received, true))
              .compose(agent -> fixture.deploy(vertx, InboundDispatcherVerticle::new));
        })
        .compose(survivor -> fixture.eventually(vertx, 15_000, EVENTS, Tuple.tuple(),
            rows -> "HANDLED".equals(rows.iterator().next().getString("status"))))
        .onComplete(ctx.succeeding(rows -> ctx.verify(() -> {
          assertThat(received).hasSize(1);
          assertThat(received.peek().eventId()).isEqualTo(swallowed.peek().eventId());
          assertThat(rows.iterator().next().getInteger("attempts")).isGreaterThanOrEqualTo(2);
          ctx.completeNow();
        })));
  }

  private static JsonObject tweet(String id, String text, String inReplyToUser) {
    JsonObject tweet = new JsonObject().put("id_str", id).put("text", text).put("timestamp_ms", "1764670000000")
        .put("user", new JsonObject().put("id_str", "3805104374").put("screen_name", "fan"));
    if (inReplyToUser != null) {
      tweet.put("in_reply_to_user_id_str", inReplyToUser).put("in_reply_to_status_id_str", "1799999999999999999");
    }
    return tweet;
  }

  private static Future<HttpResponse<Buffer>> postMeta(WebClient client, String body) {
    return client.post("/webhooks/meta")
        .putHeader("X-Hub-Signature-256", Signatures.meta(META_SECRET, body))
        .putHeader("Content-Type", "application/json")
        .sendBuffer(Buffer.buffer(body));
  }

  /** Migrates, then deploys the inbound store and the web verticle; with an agent and a dispatcher when asked. */
  private Future<WebClient> start(Vertx vertx, boolean withAgentAndDispatcher) {
    Future<?> ready = fixture.prepare(vertx).compose(migrated -> fixture.deploy(vertx, InboundStoreVerticle::new));
    if (withAgentAndDispatcher) {
      ready = ready.compose(store -> vertx.deployVerticle(new AgentStandIn(received, true)))
          .compose(agent -> fixture.deploy(vertx, InboundDispatcherVerticle::new));
    }
    return ready.compose(deployed -> fixture.deployWeb(vertx));
  }
}
