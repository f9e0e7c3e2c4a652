package io.chorus.web.media;

import static org.assertj.core.api.Assertions.assertThat;

import io.chorus.contracts.Addresses;
import io.chorus.contracts.ChorusError;
import io.chorus.contracts.ErrorCode;
import io.chorus.contracts.content.MediaFile;
import io.chorus.contracts.content.MediaQuery;
import io.chorus.web.WebTestSupport;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@DisplayName("Stored media served at /media/{id} for platforms to fetch")
class MediaApiTest {
  private static final String ID = "0b5e7a3e-1d3c-4c1e-8f55-4f5b1d0c9e21";
  private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 1, 2, 3};
  private static final String SHA = "abc123";

  private final List<MediaQuery> queries = new CopyOnWriteArrayList<>();

  @BeforeEach
  void content(Vertx vertx) {
    vertx.eventBus().<MediaQuery>consumer(Addresses.CONTENT_MEDIA, request -> {
      queries.add(request.body());
      if (request.body().mediaId().equals(ID)) {
        request.reply(new MediaFile(ID, "image/jpeg", SHA, Base64.getEncoder().encodeToString(JPEG)));
      } else {
        ChorusError.of(ErrorCode.NOT_FOUND, "there is no media " + request.body().mediaId()).failReply(request);
      }
    });
  }

  @Test
  @DisplayName("GET answers the file's bytes with its type, length, SHA-256 ETag and an immutable cache, even when the API needs a token")
  void servesTheFile(Vertx vertx, VertxTestContext ctx) {
    start(vertx, "media-test-secret-token")
        .compose(client -> client.get("/media/" + ID).send())
        .onComplete(ctx.succeeding(response -> ctx.verify(() -> {
          assertThat(response.statusCode()).isEqualTo(200);
          assertThat(response.getHeader("Content-Type")).isEqualTo("image/jpeg");
          assertThat(response.getHeader("Content-Length")).isEqualTo(Integer.toString(JPEG.length));
          assertThat(response.getHeader("ETag")).isEqualTo("\"" + SHA + "\"");
          assertThat(response.getHeader("Cache-Control")).contains("immutable");
          assertThat(response.bodyAsBuffer().getBytes()).isEqualTo(JPEG);
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("a request carrying the current ETag gets 304 with no body; HEAD gets the headers only")
  void revalidatesAndHeads(Vertx vertx, VertxTestContext ctx) {
    start(vertx, null)
        .compose(client -> client.get("/media/" + ID).putHeader("If-None-Match", "\"" + SHA + "\"").send()
            .compose(notModified -> client.head("/media/" + ID).send().map(head -> List.of(notModified, head))))
        .onComplete(ctx.succeeding(responses -> ctx.verify(() -> {
          assertThat(responses.get(0).statusCode()).isEqualTo(304);
          assertThat(responses.get(0).body()).isNull();
          assertThat(responses.get(1).statusCode()).isEqualTo(200);
          assertThat(responses.get(1).getHeader("Content-Length")).isEqualTo(Integer.toString(JPEG.length));
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("an unknown id and a malformed one are 404 problems; only the well-formed one reaches Content")
  void unknownMediaIsNotFound(Vertx vertx, VertxTestContext ctx) {
    start(vertx, null)
        .compose(client -> Future.all(client.get("/media/6f1c2b1e-6a53-4a6e-9a55-0d6f0b1f3c11").send(),
            client.get("/media/not-an-id").send()))
        .onComplete(ctx.succeeding(all -> ctx.verify(() -> {
          for (int i = 0; i < 2; i++) {
            io.vertx.ext.web.client.HttpResponse<?> response = all.resultAt(i);
            assertThat(response.statusCode()).isEqualTo(404);
            assertThat(response.getHeader("Content-Type")).isEqualTo("application/problem+json");
          }
          assertThat(queries).hasSize(1);
          ctx.completeNow();
        })));
  }

  private static Future<WebClient> start(Vertx vertx, String token) {
    return WebTestSupport.deploy(vertx, WebTestSupport.config(token, 15000, 262144))
        .map(web -> WebTestSupport.client(vertx, web));
  }
}
