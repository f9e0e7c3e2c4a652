package io.chorus.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@DisplayName("Simulated OAuth: expiring access tokens, single-use rotating refresh tokens, revocation")
class TokensSimulatorTest {

  private Simulator simulator;
  private WebClient client;

  @BeforeEach
  void start(Vertx vertx, VertxTestContext ctx) {
    client = WebClient.create(vertx);
    Simulator.create(vertx, new SimulatorOptions().setAccessTokenTtlSeconds(1)).listen()
        .onComplete(ctx.succeeding(started -> {
          simulator = started;
          ctx.completeNow();
        }));
  }

  private Future<JsonObject> consent(String platform, String user) {
    return client.postAbs(simulator.baseUrl() + "/_simulator/tokens")
        .sendJsonObject(new JsonObject().put("platform", platform).put("user", user))
        .map(HttpResponse::bodyAsJsonObject);
  }

  private Future<HttpResponse<Buffer>> refresh(String path, MultiMap form) {
    return client.postAbs(simulator.baseUrl() + path).sendForm(form);
  }

  private static MultiMap xRefresh(String refreshToken) {
    return MultiMap.caseInsensitiveMultiMap().add("grant_type", "refresh_token")
        .add("refresh_token", refreshToken).add("client_id", "app");
  }

  private Future<Integer> tweet(String token, String text) {
    return client.postAbs(simulator.baseUrl("x") + "/2/tweets").bearerTokenAuthentication(token)
        .sendJsonObject(new JsonObject().put("text", text)).map(HttpResponse::statusCode);
  }

  @Test
  @DisplayName("X: a refresh rotates both tokens, the old refresh token is refused, and an expired access token gets 401")
  void xRotation(Vertx vertx, VertxTestContext ctx) {
    consent("x", "user-1")
        .compose(pair -> refresh("/x/2/oauth2/token", xRefresh(pair.getString("refresh_token")))
            .compose(renewed -> refresh("/x/2/oauth2/token", xRefresh(pair.getString("refresh_token")))
                .compose(reused -> tweet(renewed.bodyAsJsonObject().getString("access_token"), "fresh")
                    .compose(fresh -> vertx.timer(1200).compose(t -> tweet(
                        renewed.bodyAsJsonObject().getString("access_token"), "stale")))
                    .map(stale -> List.<Object>of(renewed, reused, stale)))))
        .onComplete(ctx.succeeding(results -> ctx.verify(() -> {
          @SuppressWarnings("unchecked")
          JsonObject renewed = ((HttpResponse<Buffer>) results.get(0)).bodyAsJsonObject();
          assertThat(renewed.getString("token_type")).isEqualTo("bearer");
          assertThat(renewed.getLong("expires_in")).isEqualTo(1);
          assertThat(renewed.getString("refresh_token")).startsWith("sim-rt-");
          @SuppressWarnings("unchecked")
          HttpResponse<Buffer> reused = (HttpResponse<Buffer>) results.get(1);
          assertThat(reused.statusCode()).isEqualTo(400);
          assertThat(reused.bodyAsJsonObject().getString("error")).isEqualTo("invalid_request");
          assertThat(results.get(2)).as("an expired access token").isEqualTo(401);
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("LinkedIn and TikTok want the client secret in the form and answer in their own shapes")
  void linkedInAndTikTok(VertxTestContext ctx) {
    Future<HttpResponse<Buffer>> linkedIn = consent("linkedin", "member-1").compose(pair ->
        refresh("/linkedin/oauth/v2/accessToken", MultiMap.caseInsensitiveMultiMap().add("grant_type", "refresh_token")
            .add("refresh_token", pair.getString("refresh_token")).add("client_id", "app").add("client_secret", "s")));
    Future<HttpResponse<Buffer>> tikTokWithoutSecret = consent("tiktok", "creator-1").compose(pair ->
        refresh("/tiktok/v2/oauth/token/", MultiMap.caseInsensitiveMultiMap().add("grant_type", "refresh_token")
            .add("refresh_token", pair.getString("refresh_token")).add("client_key", "app")));
    Future<HttpResponse<Buffer>> tikTokRevoked = consent("tiktok", "creator-2").compose(pair ->
        client.postAbs(simulator.baseUrl() + "/_simulator/tokens/revoke")
            .sendJsonObject(new JsonObject().put("platform", "tiktok").put("user", "creator-2"))
            .compose(revoked -> refresh("/tiktok/v2/oauth/token/", MultiMap.caseInsensitiveMultiMap()
                .add("grant_type", "refresh_token").add("refresh_token", pair.getString("refresh_token"))
                .add("client_key", "app").add("client_secret", "s"))));
    Future.all(linkedIn, tikTokWithoutSecret, tikTokRevoked).onComplete(ctx.succeeding(all -> ctx.verify(() -> {
      assertThat(linkedIn.result().statusCode()).isEqualTo(200);
      assertThat(linkedIn.result().bodyAsJsonObject().fieldNames())
          .contains("access_token", "expires_in", "refresh_token", "refresh_token_expires_in");
      assertThat(tikTokWithoutSecret.result().statusCode()).isEqualTo(401);
      assertThat(tikTokWithoutSecret.result().bodyAsJsonObject().getString("error")).isEqualTo("invalid_client");
      assertThat(tikTokRevoked.result().statusCode()).isEqualTo(400);
      assertThat(tikTokRevoked.result().bodyAsJsonObject().getString("error")).isEqualTo("invalid_grant");
      ctx.completeNow();
    })));
  }

  @Test
  @DisplayName("revoking a user refuses even its long-lived tokens, in each platform's error shape")
  void revocation(VertxTestContext ctx) {
    client.postAbs(simulator.baseUrl() + "/_simulator/tokens/revoke")
        .sendJsonObject(new JsonObject().put("platform", "facebook").put("user", "page-token"))
        .compose(revoked -> client.postAbs(simulator.baseUrl("facebook") + "/v21.0/4242/feed")
            .addQueryParam("access_token", "page-token").addQueryParam("message", "hi").send())
        .onComplete(ctx.succeeding(response -> ctx.verify(() -> {
          assertThat(response.statusCode()).isEqualTo(400);
          JsonObject error = response.bodyAsJsonObject().getJsonObject("error");
          assertThat(error.getInteger("code")).isEqualTo(190);
          assertThat(error.getInteger("error_subcode")).isEqualTo(460);
          ctx.completeNow();
        })));
  }
}
