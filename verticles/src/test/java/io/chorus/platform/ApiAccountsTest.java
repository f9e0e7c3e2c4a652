package io.chorus.platform;

import static io.chorus.platform.AgentFixture.request;
import static org.assertj.core.api.Assertions.assertThat;

import io.chorus.contracts.Addresses;
import io.chorus.contracts.ChorusError;
import io.chorus.contracts.ErrorCode;
import io.chorus.contracts.Platform;
import io.chorus.contracts.platform.PublishRequest;
import io.chorus.contracts.platform.PublishResult;
import io.chorus.contracts.tenants.Account;
import io.chorus.contracts.tenants.AccountCredentials;
import io.chorus.contracts.tenants.AccountRequest;
import io.chorus.contracts.tenants.BrandRequest;
import io.chorus.contracts.tenants.CatalogAction;
import io.chorus.simulator.Simulator;
import io.chorus.simulator.SimulatorOptions;
import io.chorus.tenants.catalog.CatalogVerticle;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@Timeout(value = 60, timeUnit = TimeUnit.SECONDS)
@DisplayName("Accounts created through the API publish with the credentials given through it")
class ApiAccountsTest {

  @Test
  @DisplayName("the agent publishes with the stored credentials, then with replaced ones, and not at all once the account is deleted")
  void agentUsesApiCredentials(Vertx vertx, VertxTestContext ctx) {
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    String brand = "api-brand-" + suffix;
    String accountId = "api-x-" + suffix;
    String replacement = "api-x-renewed-" + suffix;
    Simulator[] simulator = new Simulator[1];
    AgentFixture.simulator(vertx, new SimulatorOptions())
        .compose(started -> {
          simulator[0] = started;
          JsonObject config = AgentFixture.config(started).put("tokens", new JsonObject().put("encryptionKey", newKey()));
          return AgentFixture.deployAgents(vertx, config, Platform.X)
              .compose(agents -> vertx.deployVerticle(new CatalogVerticle(), new DeploymentOptions().setConfig(config)));
        })
        .compose(catalog -> vertx.eventBus().request(Addresses.TENANTS_BRANDS,
            new BrandRequest(CatalogAction.CREATE, brand, "API brand", null, null, null, "ana")))
        .compose(created -> AccountTokensTest.consent(vertx, simulator[0], "x", accountId))
        .compose(pair -> catalog(vertx, new AccountRequest(CatalogAction.CREATE, brand, accountId, Platform.X,
            "@api", "1600000000000000777", null, credentials(pair), "ana")))
        .compose(account -> publish(vertx, accountId, "First from an API account " + suffix))
        .compose(first -> AccountTokensTest.consent(vertx, simulator[0], "x", replacement))
        .compose(pair -> catalog(vertx, new AccountRequest(CatalogAction.UPDATE, brand, accountId, null, null, null,
            null, credentials(pair), "ana")))
        // The agent reads the account afresh when the catalog announces the change: soon posts use the new tokens.
        .compose(updated -> publishUntilBy(vertx, simulator[0], accountId, replacement, suffix, 0))
        .compose(posts -> {
          ctx.verify(() -> {
            assertThat(posts.get(0).getString("account")).isEqualTo(accountId);
            assertThat(posts.get(posts.size() - 1).getString("account")).isEqualTo(replacement);
          });
          return catalog(vertx, new AccountRequest(CatalogAction.DELETE, brand, accountId, null, null, null, null,
              null, "ana"));
        })
        .compose(deleted -> eventuallyRefused(vertx, accountId))
        .onComplete(ctx.succeeding(error -> ctx.verify(() -> {
          assertThat(error.code()).isEqualTo(ErrorCode.INVALID_REQUEST);
          assertThat(error.message()).contains("unknown account");
          ctx.completeNow();
        })));
  }

  private static AccountCredentials credentials(JsonObject pair) {
    return new AccountCredentials(pair.getString("access_token"), pair.getString("refresh_token"), null);
  }

  private static Future<Account> catalog(Vertx vertx, AccountRequest request) {
    return vertx.eventBus().<Account>request(Addresses.TENANTS_ACCOUNTS, request).map(Message::body);
  }

  private static Future<PublishResult> publish(Vertx vertx, String accountId, String text) {
    return request(vertx, Platform.X, Addresses.PUBLISH,
        new PublishRequest("p-" + UUID.randomUUID(), accountId, text, List.of(), 1));
  }

  /**
   * Publishing for a deleted account is refused as unknown once the agent has heard of the deletion
   * (a post racing the notice may go out, or fail for want of the erased tokens, before then).
   */
  private static Future<ChorusError> eventuallyRefused(Vertx vertx, String accountId) {
    return AgentFixture.failureOf(publish(vertx, accountId, "After deletion " + UUID.randomUUID()))
        .compose(error -> error.code() == ErrorCode.INVALID_REQUEST
            ? Future.succeededFuture(error)
            : Future.failedFuture(new AssertionError(error.toString())))
        .recover(notYet -> vertx.timer(100).compose(tick -> eventuallyRefused(vertx, accountId)));
  }

  /** Publishes until the simulator records a post by {@code user}; the future holds this test's posts, oldest first. */
  private static Future<List<JsonObject>> publishUntilBy(Vertx vertx, Simulator simulator, String accountId,
      String user, String suffix, int attempt) {
    return publish(vertx, accountId, "Post " + attempt + " from an API account " + suffix)
        .compose(published -> AgentFixture.postsOn(vertx, simulator, "x"))
        .compose(all -> {
          List<JsonObject> ours = all.stream().map(JsonObject.class::cast)
              .filter(post -> post.getString("text").endsWith(suffix)).toList();
          return user.equals(ours.get(ours.size() - 1).getString("account")) || attempt > 50
              ? Future.succeededFuture(ours)
              : vertx.timer(100).compose(tick -> publishUntilBy(vertx, simulator, accountId, user, suffix, attempt + 1));
        });
  }

  private static String newKey() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return Base64.getEncoder().encodeToString(key);
  }
}
