package io.chorus.platform;

import static io.chorus.platform.AgentFixture.request;
import static org.assertj.core.api.Assertions.assertThat;

import io.chorus.contracts.Addresses;
import io.chorus.contracts.Platform;
import io.chorus.contracts.leader.Escalation;
import io.chorus.contracts.platform.PublishRequest;
import io.chorus.contracts.platform.PublishResult;
import io.chorus.platform.auth.TokenCipher;
import io.chorus.simulator.Simulator;
import io.chorus.simulator.SimulatorOptions;
import io.chorus.storage.Database;
import io.chorus.storage.DatabaseOptions;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@DisplayName("Accounts stay authorized: tokens are renewed before they expire and when refused, and stored encrypted")
class AccountTokensTest {

  private static final String KEY = newKey();

  private static String newKey() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return Base64.getEncoder().encodeToString(key);
  }

  /** The configuration with one more account, the simulator's token endpoints and an encryption key. */
  private static JsonObject config(Simulator simulator, JsonObject account) {
    JsonObject config = AgentFixture.config(simulator);
    config.getJsonArray("brands").getJsonObject(0).getJsonArray("accounts").add(account);
    config.put("tokens", new JsonObject().put("encryptionKey", KEY).put("refreshAheadSeconds", 300)
        .put("expiryWarningDays", 7).put("checkIntervalMs", 3_600_000).put("reauthorizationRecheckMs", 1000));
    JsonObject platforms = config.getJsonObject("platforms");
    platforms.getJsonObject("x").put("oauth", new JsonObject()
        .put("tokenUrl", simulator.baseUrl("x") + "/2/oauth2/token").put("clientId", "chorus-test"));
    platforms.getJsonObject("linkedin").put("oauth", new JsonObject()
        .put("tokenUrl", simulator.baseUrl("linkedin") + "/oauth/v2/accessToken")
        .put("clientId", "chorus-test").put("clientSecret", "shh"));
    return config;
  }

  /** What a person passing the platform's consent screen would give Chorus: a fresh token pair. */
  static Future<JsonObject> consent(Vertx vertx, Simulator simulator, String platform, String user) {
    WebClient web = WebClient.create(vertx);
    return web.postAbs(simulator.baseUrl() + "/_simulator/tokens")
        .sendJsonObject(new JsonObject().put("platform", platform).put("user", user))
        .map(response -> response.bodyAsJsonObject())
        .onComplete(done -> web.close());
  }

  private static Future<Row> tokenRow(Vertx vertx, JsonObject config, String accountId) {
    Pool pool = Database.pool(vertx, DatabaseOptions.fromConfig(config));
    return pool.preparedQuery("SELECT * FROM account_tokens WHERE account_id = $1").execute(Tuple.of(accountId))
        .map(rows -> rows.iterator().next())
        .onComplete(done -> pool.close());
  }

  private static Future<Integer> refreshStatus(Vertx vertx, Simulator simulator, String refreshToken) {
    WebClient web = WebClient.create(vertx);
    return web.postAbs(simulator.baseUrl("x") + "/2/oauth2/token")
        .sendForm(MultiMap.caseInsensitiveMultiMap().add("grant_type", "refresh_token")
            .add("refresh_token", refreshToken).add("client_id", "chorus-test"))
        .map(response -> response.statusCode())
        .onComplete(done -> web.close());
  }

  @Test
  @DisplayName("an X token about to expire is renewed before use; the rotated refresh token is stored encrypted and is the one that works")
  void renewsBeforeExpiry(Vertx vertx, VertxTestContext ctx) {
    String accountId = "renewing-x-" + UUID.randomUUID();
    AgentFixture.simulator(vertx, new SimulatorOptions())
        .compose(simulator -> consent(vertx, simulator, "x", accountId).compose(pair -> {
          JsonObject config = config(simulator, new JsonObject().put("id", accountId).put("platform", "x")
              .put("handle", "Renewing").put("externalId", "1600000000000000099")
              .put("accessToken", pair.getString("access_token")).put("refreshToken", pair.getString("refresh_token"))
              .put("accessTokenExpiresAt", Instant.now().plusSeconds(60).toString()));
          return AgentFixture.deployAgents(vertx, config, Platform.X)
              .compose(deployed -> request(vertx, Platform.X, Addresses.PUBLISH,
                  new PublishRequest("p-1", accountId, "Renewed and posted", List.of(), 1)))
              .compose(published -> tokenRow(vertx, config, accountId))
              .compose(row -> {
                TokenCipher cipher = TokenCipher.fromBase64(KEY);
                byte[] sealed = row.getBuffer("refresh_token").getBytes();
                String stored = cipher.decrypt(sealed, accountId);
                // The stored one first: presenting a spent refresh token revokes the grant, as OAuth advises.
                return refreshStatus(vertx, simulator, stored)
                    .compose(newOne -> refreshStatus(vertx, simulator, pair.getString("refresh_token"))
                        .compose(oldOne -> AgentFixture.postsOn(vertx, simulator, "x").map(posts -> List.<Object>of(
                            row, new String(sealed, StandardCharsets.ISO_8859_1), stored, oldOne, posts, newOne))));
              });
        }))
        .onComplete(ctx.succeeding(found -> ctx.verify(() -> {
          Row row = (Row) found.get(0);
          assertThat(row.getString("status")).isEqualTo("ACTIVE");
          assertThat(row.getLong("version")).as("seeded, then renewed").isEqualTo(2);
          assertThat((String) found.get(1)).as("no token in the clear").doesNotContain("sim-rt-").doesNotContain("sim-at-");
          assertThat((String) found.get(2)).startsWith("sim-rt-");
          assertThat(found.get(3)).as("the configured refresh token was spent by the renewal").isEqualTo(400);
          assertThat(((JsonArray) found.get(4)).stream().map(post -> ((JsonObject) post).getString("account")))
              .as("posted as the account's user").contains(accountId);
          assertThat(found.get(5)).as("the stored rotated refresh token is the live one").isEqualTo(200);
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("a LinkedIn token refused with 401 is renewed once and the post goes out")
  void renewsAfterRefusal(Vertx vertx, VertxTestContext ctx) {
    String accountId = "expiring-li-" + UUID.randomUUID();
    String author = "urn:li:organization:" + Math.abs(accountId.hashCode());
    AgentFixture.simulator(vertx, new SimulatorOptions().setAccessTokenTtlSeconds(1))
        .compose(simulator -> consent(vertx, simulator, "linkedin", accountId).compose(pair -> {
          // No expiry in the configuration: only the platform's 401 tells the token has run out.
          JsonObject config = config(simulator, new JsonObject().put("id", accountId).put("platform", "linkedin")
              .put("handle", "Expiring").put("externalId", author)
              .put("accessToken", pair.getString("access_token")).put("refreshToken", pair.getString("refresh_token")));
          return AgentFixture.deployAgents(vertx, config, Platform.LINKEDIN)
              .compose(deployed -> vertx.timer(1500))
              .compose(expired -> request(vertx, Platform.LINKEDIN, Addresses.PUBLISH,
                  new PublishRequest("p-2", accountId, "Posted after renewal", List.of(), 1)))
              .compose(published -> tokenRow(vertx, config, accountId).map(row -> List.of(published, row)));
        }))
        .onComplete(ctx.succeeding(found -> ctx.verify(() -> {
          assertThat(((PublishResult) found.get(0)).externalId()).startsWith("urn:li:share:");
          assertThat(((Row) found.get(1)).getLong("version")).isEqualTo(2);
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("a Meta token that cannot renew itself is escalated when it expires within the warning days")
  void warnsBeforeMetaExpiry(Vertx vertx, VertxTestContext ctx) {
    String accountId = "expiring-fb-" + UUID.randomUUID();
    Promise<Escalation> escalated = Promise.promise();
    vertx.eventBus().<Escalation>consumer(Addresses.LEADER_ESCALATIONS, message -> {
      if (accountId.equals(message.body().accountId())) {
        escalated.tryComplete(message.body());
      }
    });
    AgentFixture.simulator(vertx, new SimulatorOptions())
        .compose(simulator -> AgentFixture.deployAgents(vertx, config(simulator, new JsonObject().put("id", accountId)
            .put("platform", "facebook").put("handle", "Expiring").put("externalId", "104857600000099")
            .put("accessToken", "long-lived-" + accountId)
            .put("accessTokenExpiresAt", Instant.now().plusSeconds(2 * 86_400).toString())), Platform.FACEBOOK))
        .compose(deployed -> escalated.future())
        .onComplete(ctx.succeeding(escalation -> ctx.verify(() -> {
          assertThat(escalation.kind()).isEqualTo(Escalation.TOKEN_EXPIRING);
          assertThat(escalation.platform()).isEqualTo(Platform.FACEBOOK);
          assertThat(escalation.brandId()).isEqualTo("northwind");
          assertThat(escalation.detail()).contains("expires at");
          ctx.completeNow();
        })));
  }
}
