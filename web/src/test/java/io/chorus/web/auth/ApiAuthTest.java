package io.chorus.web.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.chorus.contracts.Addresses;
import io.chorus.contracts.pipeline.PostPage;
import io.chorus.contracts.pipeline.PostQuery;
import io.chorus.web.SseTestClient;
import io.chorus.web.WebTestSupport;
import io.chorus.web.WebVerticle;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@DisplayName("An API protected by the bootstrap token")
class ApiAuthTest {
  private static final String TOKEN = "n0rthw1nd-bootstrap-token";

  private WebVerticle web;
  private WebClient client;

  @BeforeEach
  void deploy(Vertx vertx, VertxTestContext ctx) {
    vertx.eventBus().<PostQuery>consumer(Addresses.PIPELINE_QUERY, request -> request.reply(new PostPage(List.of())));
    WebTestSupport.deploy(vertx, WebTestSupport.config(TOKEN, 60_000, 262_144))
        .onComplete(ctx.succeeding(deployed -> {
          web = deployed;
          client = WebTestSupport.client(vertx, deployed);
          ctx.completeNow();
        }));
  }

  @Test
  @DisplayName("refuses a request without a token with 401 and a Bearer challenge")
  void refusesMissingToken(VertxTestContext ctx) {
    expectUnauthorized(ctx, request -> request);
  }

  @Test
  @DisplayName("refuses a wrong token with 401")
  void refusesWrongToken(VertxTestContext ctx) {
    expectUnauthorized(ctx, request -> request.bearerTokenAuthentication(TOKEN + "x"));
  }

  @Test
  @DisplayName("does not take the token from the query string outside the event stream")
  void refusesQueryTokenOnPosts(VertxTestContext ctx) {
    client.get("/api/v1/posts?access_token=" + TOKEN).send()
        .onComplete(ctx.succeeding(response -> ctx.verify(() -> {
          assertThat(response.statusCode()).isEqualTo(401);
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("lets the right bearer token through")
  void acceptsRightToken(VertxTestContext ctx) {
    client.get("/api/v1/posts").bearerTokenAuthentication(TOKEN).send()
        .onComplete(ctx.succeeding(response -> ctx.verify(() -> {
          assertThat(response.statusCode()).isEqualTo(200);
          assertThat(response.bodyAsJsonObject().getJsonArray("items")).isEmpty();
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("opens the event stream with the token as access_token, as browsers must send it")
  void streamAcceptsAccessToken(Vertx vertx, VertxTestContext ctx) {
    SseTestClient.open(vertx, web, "/api/v1/stream?access_token=" + TOKEN)
        .compose(stream -> {
          ctx.verify(() -> assertThat(stream.response().getHeader("Content-Type")).startsWith("text/event-stream"));
          return stream.close();
        })
        .compose(closed -> client.get("/api/v1/stream?access_token=wrong").send())
        .onComplete(ctx.succeeding(response -> ctx.verify(() -> {
          assertThat(response.statusCode()).isEqualTo(401);
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("leaves health probes and the dashboard page open")
  void healthAndDashboardStayOpen(VertxTestContext ctx) {
    Future.all(client.get("/health/live").send(), client.get("/").send())
        .onComplete(ctx.succeeding(all -> ctx.verify(() -> {
          assertThat(all.<HttpResponse<Buffer>>resultAt(0).statusCode()).isEqualTo(200);
          assertThat(all.<HttpResponse<Buffer>>resultAt(1).statusCode()).isEqualTo(200);
          ctx.completeNow();
        })));
  }

  private void expectUnauthorized(VertxTestContext ctx, Function<HttpRequest<Buffer>, HttpRequest<Buffer>> auth) {
    auth.apply(client.get("/api/v1/posts")).send()
        .onComplete(ctx.succeeding(response -> ctx.verify(() -> {
          assertThat(response.statusCode()).isEqualTo(401);
          assertThat(response.getHeader("WWW-Authenticate")).isEqualTo("Bearer");
          assertThat(response.getHeader("Content-Type")).isEqualTo("application/problem+json");
          assertThat(response.bodyAsJsonObject().getInteger("status")).isEqualTo(401);
          ctx.completeNow();
        })));
  }
}
