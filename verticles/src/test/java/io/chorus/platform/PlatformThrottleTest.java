package io.chorus.platform;

import static io.chorus.platform.AgentFixture.failureOf;
import static io.chorus.platform.AgentFixture.request;
import static org.assertj.core.api.Assertions.assertThat;

import io.chorus.contracts.Addresses;
import io.chorus.contracts.ChorusError;
import io.chorus.contracts.ErrorCode;
import io.chorus.contracts.Platform;
import io.chorus.contracts.platform.PublishRequest;
import io.chorus.contracts.platform.PublishResult;
import io.chorus.simulator.Simulator;
import io.chorus.simulator.SimulatorOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@DisplayName("A platform's throttle pauses the account (or the app) until the reset it stated, on every node")
class PlatformThrottleTest {

  private static Future<Simulator> agentsOn(Vertx vertx, SimulatorOptions options, Platform platform) {
    return AgentFixture.simulator(vertx, options).compose(simulator -> {
      JsonObject config = AgentFixture.config(simulator);
      JsonArray accounts = config.getJsonArray("brands").getJsonObject(0).getJsonArray("accounts");
      accounts.add(new JsonObject().put("id", "second-x").put("platform", "x").put("handle", "Second")
          .put("externalId", "1600000000000000003").put("accessToken", "second-x"));
      return AgentFixture.deployAgents(vertx, config, platform).map(simulator);
    });
  }

  private static Future<PublishResult> publish(Vertx vertx, Platform platform, String account, String text) {
    return request(vertx, platform, Addresses.PUBLISH, new PublishRequest("post-" + text, account, text, List.of(), 1));
  }

  /** The statuses the simulated platform answered to post creations, in order. */
  private static Future<List<Integer>> postAnswers(Vertx vertx, Simulator simulator, String platform, String pathEnd) {
    WebClient web = WebClient.create(vertx);
    return web.getAbs(simulator.baseUrl() + "/_simulator/requests").addQueryParam("platform", platform).send()
        .map(response -> response.bodyAsJsonObject().getJsonArray("items").stream()
            .map(JsonObject.class::cast)
            .filter(item -> "POST".equals(item.getString("method")) && item.getString("path").endsWith(pathEnd))
            .map(item -> item.getInteger("status"))
            .toList())
        .onComplete(done -> web.close());
  }

  @Test
  @DisplayName("after X's 429 the next post of the account is refused until x-rate-limit-reset without reaching X; another account posts on")
  void xAccountPaused(Vertx vertx, VertxTestContext ctx) {
    agentsOn(vertx, new SimulatorOptions().setXPostsPer15Min(1), Platform.X)
        .compose(simulator -> publish(vertx, Platform.X, "northwind-x", "One")
            .compose(one -> failureOf(publish(vertx, Platform.X, "northwind-x", "Two")))
            .compose(throttled -> failureOf(publish(vertx, Platform.X, "northwind-x", "Three"))
                .compose(paused -> publish(vertx, Platform.X, "second-x", "Other")
                    .compose(other -> postAnswers(vertx, simulator, "x", "/2/tweets"))
                    .map(answers -> List.of(throttled, paused, answers)))))
        .onComplete(ctx.succeeding(results -> ctx.verify(() -> {
          ChorusError throttled = (ChorusError) results.get(0);
          ChorusError paused = (ChorusError) results.get(1);
          assertThat(throttled.code()).isEqualTo(ErrorCode.RATE_LIMITED);
          assertThat(throttled.retryAfterMs()).as("X's window reset, 15 minutes after its first post")
              .isBetween(14 * 60_000L, 15 * 60_000L + 1000);
          assertThat(paused.code()).isEqualTo(ErrorCode.RATE_LIMITED);
          assertThat(paused.retryAfterMs()).isBetween(14 * 60_000L, throttled.retryAfterMs());
          assertThat(results.get(2)).as("X saw One, Two (429) and the other account's post, never Three")
              .isEqualTo(List.of(201, 429, 201));
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("X's spent 24-hour app cap pauses every account of the app until x-app-limit-24hour-reset")
  void xAppPaused(Vertx vertx, VertxTestContext ctx) {
    agentsOn(vertx, new SimulatorOptions().setXAppPostsPerDay(1), Platform.X)
        .compose(simulator -> publish(vertx, Platform.X, "northwind-x", "Morning")
            .compose(one -> failureOf(publish(vertx, Platform.X, "second-x", "Noon")))
            .compose(capped -> failureOf(publish(vertx, Platform.X, "northwind-x", "Evening"))
                .compose(paused -> postAnswers(vertx, simulator, "x", "/2/tweets")
                    .map(answers -> List.of(capped, paused, answers)))))
        .onComplete(ctx.succeeding(results -> ctx.verify(() -> {
          ChorusError capped = (ChorusError) results.get(0);
          assertThat(capped.code()).isEqualTo(ErrorCode.RATE_LIMITED);
          assertThat(capped.retryAfterMs()).isBetween(23 * 3_600_000L, 24 * 3_600_000L + 1000);
          assertThat(((ChorusError) results.get(1)).retryAfterMs()).isGreaterThan(23 * 3_600_000L);
          assertThat(results.get(2)).isEqualTo(List.of(201, 429));
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("Graph's Page throttle (80001) pauses the Page for the estimated time to regain access, without calling again")
  void graphPagePaused(Vertx vertx, VertxTestContext ctx) {
    agentsOn(vertx, new SimulatorOptions().setFacebookCallsPerHour(1), Platform.FACEBOOK)
        .compose(simulator -> publish(vertx, Platform.FACEBOOK, "northwind-facebook", "First")
            .compose(one -> failureOf(publish(vertx, Platform.FACEBOOK, "northwind-facebook", "Second")))
            .compose(throttled -> failureOf(publish(vertx, Platform.FACEBOOK, "northwind-facebook", "Third"))
                .compose(paused -> postAnswers(vertx, simulator, "facebook", "/feed")
                    .map(answers -> List.of(throttled, paused, answers)))))
        .onComplete(ctx.succeeding(results -> ctx.verify(() -> {
          ChorusError throttled = (ChorusError) results.get(0);
          assertThat(throttled.message()).contains("code 80001");
          assertThat(throttled.retryAfterMs()).isBetween(59 * 60_000L, 60 * 60_000L);
          assertThat(((ChorusError) results.get(1)).code()).isEqualTo(ErrorCode.RATE_LIMITED);
          assertThat(results.get(2)).isEqualTo(List.of(200, 400));
          ctx.completeNow();
        })));
  }
}
