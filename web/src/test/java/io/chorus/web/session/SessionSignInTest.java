package io.chorus.web.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.chorus.contracts.Addresses;
import io.chorus.contracts.Platform;
import io.chorus.contracts.PostState;
import io.chorus.contracts.pipeline.PostView;
import io.chorus.contracts.pipeline.ReviewDecision;
import io.chorus.web.SseTestClient;
import io.chorus.web.WebTestSupport;
import io.chorus.web.WebVerticle;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@DisplayName("Signing in to the dashboard with a session cookie")
class SessionSignInTest {
  private static final String TOKEN = "s3cret-bootstrap-token";
  private static final Instant AT = Instant.parse("2026-11-24T08:00:00Z");

  /** What a browser would hold after signing in. */
  private record SignedIn(WebVerticle web, WebClient client, String session, String csrf, String origin) {
    String cookieHeader() {
      return "chorus_session=" + session + "; chorus_csrf=" + csrf;
    }
  }

  @Test
  @DisplayName("shows a sign-in page with a token field")
  void showsPage(Vertx vertx, VertxTestContext ctx) {
    WebTestSupport.deploy(vertx, WebTestSupport.config(TOKEN, 60_000, 262_144))
        .compose(web -> WebTestSupport.client(vertx, web).get("/signin").send())
        .onComplete(ctx.succeeding(page -> ctx.verify(() -> {
          assertThat(page.statusCode()).isEqualTo(200);
          assertThat(page.getHeader("Content-Type")).startsWith("text/html");
          assertThat(page.bodyAsString()).contains("<form method=\"post\" action=\"/signin\">", "name=\"token\"");
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("refuses a wrong token without setting any cookie")
  void refusesWrongToken(Vertx vertx, VertxTestContext ctx) {
    WebTestSupport.deploy(vertx, WebTestSupport.config(TOKEN, 60_000, 262_144))
        .compose(web -> WebTestSupport.client(vertx, web).post("/signin")
            .sendForm(MultiMap.caseInsensitiveMultiMap().add("token", "guess")))
        .onComplete(ctx.succeeding(page -> ctx.verify(() -> {
          assertThat(page.statusCode()).isEqualTo(401);
          assertThat(page.cookies()).isEmpty();
          assertThat(page.bodyAsString()).contains("That token is not valid.");
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("sets an HttpOnly, SameSite=Strict session cookie and a CSRF cookie, kept in Redis with a TTL")
  void setsCookies(Vertx vertx, VertxTestContext ctx) {
    JsonObject config = WebTestSupport.config(TOKEN, 60_000, 262_144);
    String prefix = config.getJsonObject("session").getString("keyPrefix");
    Redis redis = Redis.createClient(vertx, WebTestSupport.REDIS_URI);
    WebTestSupport.deploy(vertx, config)
        .compose(web -> signIn(vertx, web))
        .compose(signedIn -> redis.send(Request.cmd(Command.TTL).arg(prefix + signedIn.session())).map(ttl -> Map.entry(signedIn, ttl.toLong())))
        .onComplete(ctx.succeeding(both -> ctx.verify(() -> {
          assertThat(both.getValue()).isBetween(1L, 600L);
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("lets the session cookie stand in for the bearer token on the API and the stream")
  void cookieAuthenticates(Vertx vertx, VertxTestContext ctx) {
    WebTestSupport.deploy(vertx, WebTestSupport.config(TOKEN, 60_000, 262_144))
        .compose(web -> signIn(vertx, web))
        .compose(signedIn -> signedIn.client().get("/api/v1/session").putHeader("Cookie", signedIn.cookieHeader()).send()
            .compose(me -> SseTestClient.open(vertx, signedIn.web(), "/api/v1/stream",
                    Map.of("Cookie", signedIn.cookieHeader()))
                .map(stream -> me)))
        .onComplete(ctx.succeeding(me -> ctx.verify(() -> {
          assertThat(me.statusCode()).isEqualTo(200);
          assertThat(me.bodyAsJsonObject().getString("actor")).isEqualTo("token:bootstrap");
          assertThat(me.bodyAsJsonObject().getString("via")).isEqualTo("session");
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("acts with the signing-in token's role and brand, and ends the session when that token is revoked")
  void sessionFollowsItsToken(Vertx vertx, VertxTestContext ctx) {
    JsonObject[] issued = new JsonObject[1];
    WebTestSupport.deploy(vertx, WebTestSupport.config(TOKEN, 60_000, 262_144))
        .compose(web -> WebTestSupport.client(vertx, web).post("/api/v1/tokens").bearerTokenAuthentication(TOKEN)
            .sendJsonObject(new JsonObject().put("name", "dashboard reviewer").put("role", "reviewer"))
            .compose(created -> {
              issued[0] = created.bodyAsJsonObject();
              return signIn(vertx, web, issued[0].getString("token"));
            }))
        .compose(signedIn -> signedIn.client().get("/api/v1/session").putHeader("Cookie", signedIn.cookieHeader())
            .send()
            .compose(before -> signedIn.client().delete("/api/v1/tokens/" + issued[0].getString("id"))
                .bearerTokenAuthentication(TOKEN).send()
                .compose(revoked -> signedIn.client().get("/api/v1/session")
                    .putHeader("Cookie", signedIn.cookieHeader()).send())
                .map(after -> List.of(before, after))))
        .onComplete(ctx.succeeding(answers -> ctx.verify(() -> {
          JsonObject before = answers.get(0).bodyAsJsonObject();
          assertThat(before.getString("via")).isEqualTo("session");
          assertThat(before.getString("role")).isEqualTo("reviewer");
          assertThat(before.getString("actor")).isEqualTo("token:" + issued[0].getString("id"));
          assertThat(answers.get(1).statusCode()).isEqualTo(401);
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("refuses unsafe cookie requests without the CSRF header or from another origin, and accepts them with both")
  void checksCsrf(Vertx vertx, VertxTestContext ctx) {
    vertx.eventBus().<ReviewDecision>consumer(Addresses.PIPELINE_REVIEW, message -> message.reply(
        new PostView(message.body().postId(), "northwind", "c", "a", Platform.X, PostState.APPROVED, "t", null, 0,
            AT, null, null, AT, null)));
    WebTestSupport.deploy(vertx, WebTestSupport.config(TOKEN, 60_000, 262_144))
        .compose(web -> signIn(vertx, web))
        .compose(signedIn -> Future.all(List.of(
            approve(signedIn, signedIn.origin(), null),
            approve(signedIn, signedIn.origin(), "not-the-token"),
            approve(signedIn, "http://evil.example", signedIn.csrf()),
            approve(signedIn, null, signedIn.csrf()),
            approve(signedIn, signedIn.origin(), signedIn.csrf()))))
        .onComplete(ctx.succeeding(all -> ctx.verify(() -> {
          List<Integer> statuses = all.<HttpResponse<Buffer>>list().stream().map(HttpResponse::statusCode).toList();
          assertThat(statuses).containsExactly(403, 403, 403, 403, 200);
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("ends the session on sign-out, after which the cookie no longer authenticates")
  void signsOut(Vertx vertx, VertxTestContext ctx) {
    WebTestSupport.deploy(vertx, WebTestSupport.config(TOKEN, 60_000, 262_144))
        .compose(web -> signIn(vertx, web))
        .compose(signedIn -> signedIn.client().post("/signout")
            .putHeader("Cookie", signedIn.cookieHeader()).putHeader("Origin", signedIn.origin())
            .putHeader("X-CSRF-Token", signedIn.csrf()).send()
            .compose(out -> signedIn.client().get("/api/v1/session").putHeader("Cookie", signedIn.cookieHeader()).send()
                .map(after -> List.of(out, after))))
        .onComplete(ctx.succeeding(both -> ctx.verify(() -> {
          assertThat(both.get(0).statusCode()).isEqualTo(204);
          assertThat(String.join("\n", both.get(0).headers().getAll("Set-Cookie"))).contains("chorus_session=;", "Max-Age=0");
          assertThat(both.get(1).statusCode()).isEqualTo(401);
          ctx.completeNow();
        })));
  }

  private static Future<HttpResponse<Buffer>> approve(SignedIn signedIn, String origin, String csrf) {
    var request = signedIn.client().post("/api/v1/posts/p-1/approve").putHeader("Cookie", signedIn.cookieHeader());
    if (origin != null) {
      request.putHeader("Origin", origin);
    }
    if (csrf != null) {
      request.putHeader("X-CSRF-Token", csrf);
    }
    return request.sendJsonObject(new JsonObject());
  }

  private static Future<SignedIn> signIn(Vertx vertx, WebVerticle web) {
    return signIn(vertx, web, TOKEN);
  }

  /** Signs in as a browser would, checking the cookies' attributes on the way. */
  private static Future<SignedIn> signIn(Vertx vertx, WebVerticle web, String token) {
    WebClient client = WebTestSupport.client(vertx, web);
    String origin = "http://" + WebTestSupport.HOST + ":" + web.actualPort();
    return client.post("/signin").followRedirects(false).putHeader("Origin", origin)
        .sendForm(MultiMap.caseInsensitiveMultiMap().add("token", token))
        .map(response -> {
          assertThat(response.statusCode()).isEqualTo(303);
          assertThat(response.getHeader("Location")).isEqualTo("/");
          String session = cookie(response, "chorus_session", true);
          String csrf = cookie(response, "chorus_csrf", false);
          return new SignedIn(web, client, session, csrf, origin);
        });
  }

  private static String cookie(HttpResponse<Buffer> response, String name, boolean httpOnly) {
    String header = response.headers().getAll("Set-Cookie").stream()
        .filter(c -> c.startsWith(name + "=")).findFirst().orElseThrow();
    assertThat(header).contains("Path=/", "SameSite=Strict").doesNotContain("Secure");
    assertThat(header.contains("HTTPOnly") || header.contains("HttpOnly")).as(name + " HttpOnly").isEqualTo(httpOnly);
    return header.substring(name.length() + 1, header.indexOf(';'));
  }
}
