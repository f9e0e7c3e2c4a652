package io.chorus.web.posts;

import static io.chorus.web.catalog.CatalogApiTest.assertProblem;
import static io.chorus.web.catalog.CatalogApiTest.fields;
import static org.assertj.core.api.Assertions.assertThat;

import io.chorus.web.catalog.CatalogWebFixture;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@Timeout(value = 90, timeUnit = TimeUnit.SECONDS)
@DisplayName("Posts created through the REST API, read one at a time and listed page by page")
class PostsThroughApiTest {
  private CatalogWebFixture fixture;
  private WebClient client;

  @BeforeEach
  void start(Vertx vertx, VertxTestContext ctx) {
    fixture = CatalogWebFixture.create(getClass());
    fixture.startServices(vertx)
        .compose(started -> fixture.startWorkflow(vertx))
        .compose(started -> fixture.startWeb(vertx))
        // A second brand with an account, for rows that are not acme's.
        .compose(web -> fixture.sql("INSERT INTO brands (id, name, managed_by) VALUES ('globex', 'Globex', 'api')",
                Tuple.tuple())
            .compose(brand -> fixture.sql("INSERT INTO accounts (id, brand_id, platform, handle, external_id, "
                + "managed_by) VALUES ('globex-x', 'globex', 'x', '@globex', '2002', 'api')", Tuple.tuple()))
            .map(web))
        .onComplete(ctx.succeeding(web -> {
          client = web;
          ctx.completeNow();
        }));
  }

  @AfterEach
  void stop(Vertx vertx) throws Exception {
    fixture.close(vertx);
  }

  @Test
  @DisplayName("a created post answers 201 with its address, reads the same there and in the list, and reaches scheduling")
  void createdPostGoesThroughThePipeline(Vertx vertx, VertxTestContext ctx) {
    Instant at = Instant.now().plus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
    JsonObject post = new JsonObject().put("brandId", "acme").put("accountId", "acme-x").put("campaignId", "launch")
        .put("text", "Our roaster, by hand").put("mediaUrl", "https://cdn.example/roaster.jpg")
        .put("scheduledAt", at.toString());
    JsonObject[] created = new JsonObject[1];
    client.post("/api/v1/posts").sendJsonObject(post)
        .compose(response -> {
          created[0] = response.bodyAsJsonObject();
          ctx.verify(() -> {
            assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(201);
            assertThat(response.getHeader("Location")).isEqualTo("/api/v1/posts/" + created[0].getString("id"));
            assertThat(created[0].getString("state")).isEqualTo("GENERATED");
            assertThat(created[0].getString("text")).isEqualTo("Our roaster, by hand");
            assertThat(created[0].getString("accountId")).isEqualTo("acme-x");
            assertThat(created[0].getString("platform")).isEqualTo("x");
          });
          return Future.all(client.get(response.getHeader("Location")).send(),
              client.get("/api/v1/posts?brand=acme").send());
        })
        .compose(read -> {
          HttpResponse<Buffer> one = read.resultAt(0);
          HttpResponse<Buffer> list = read.resultAt(1);
          ctx.verify(() -> {
            assertThat(one.statusCode()).isEqualTo(200);
            assertThat(one.bodyAsJsonObject().fieldNames()).isEqualTo(created[0].fieldNames());
            assertThat(one.bodyAsJsonObject().getString("id")).isEqualTo(created[0].getString("id"));
            JsonObject listed = list.bodyAsJsonObject().getJsonArray("items").getJsonObject(0);
            assertThat(listed.fieldNames()).isEqualTo(created[0].fieldNames());
            assertThat(listed.getString("id")).isEqualTo(created[0].getString("id"));
          });
          return scheduled(vertx, "/api/v1/posts/" + created[0].getString("id"));
        })
        .compose(scheduled -> {
          ctx.verify(() -> {
            assertThat(scheduled.getString("text")).isEqualTo("Our roaster, by hand #fit");
            assertThat(scheduled.getString("scheduledAt")).isEqualTo(at.toString());
          });
          return client.get("/api/v1/posts/" + created[0].getString("id") + "/history").send();
        })
        .onComplete(ctx.succeeding(history -> ctx.verify(() -> {
          JsonArray events = history.bodyAsJsonObject().getJsonArray("events");
          assertThat(events.getJsonObject(0).getString("to")).isEqualTo("GENERATED");
          assertThat(events.getJsonObject(0).getString("detail")).isEqualTo("written by anonymous through the API");
          assertThat(events.stream().map(event -> ((JsonObject) event).getString("to")))
              .containsSubsequence("OPTIMIZED", "IN_REVIEW", "APPROVED", "SCHEDULED");
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("an invalid post is refused with a 400 naming every field at fault, and rows not the brand's are named too")
  void validation(VertxTestContext ctx) {
    Future.all(List.of(
            client.post("/api/v1/posts").sendJsonObject(new JsonObject().put("text", "x".repeat(10_001))
                .put("mediaUrl", "ftp://files.example/a.jpg").put("scheduledAt", "soon").put("author", "me")),
            client.post("/api/v1/posts").sendJsonObject(new JsonObject().put("brandId", "acme")
                .put("accountId", "globex-x").put("text", "Hi")),
            client.post("/api/v1/posts").sendJsonObject(new JsonObject().put("brandId", "acme")
                .put("accountId", "acme-x").put("campaignId", "nothing").put("text", "Hi")),
            client.post("/api/v1/posts").sendJsonObject(new JsonObject().put("brandId", "acme")
                .put("accountId", "acme-x").put("text", "")),
            client.get("/api/v1/posts/" + UUID.randomUUID()).send(),
            client.get("/api/v1/posts/not-a-post").send()))
        .onComplete(ctx.succeeding(all -> ctx.verify(() -> {
          assertThat(fields(all.resultAt(0))).containsExactlyInAnyOrder("brandId", "accountId", "text", "mediaUrl",
              "scheduledAt", "author");
          assertThat(fields(all.resultAt(1))).containsExactly("accountId");
          assertThat(fields(all.resultAt(2))).containsExactly("campaignId");
          assertThat(fields(all.resultAt(3))).containsExactly("text");
          assertProblem(all.resultAt(4), 404);
          assertProblem(all.resultAt(5), 404);
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("following nextCursor walks every post once, none missed, while new posts are created between pages")
  void cursorPagination(VertxTestContext ctx) {
    List<Future<HttpResponse<Buffer>>> seeded = new ArrayList<>();
    for (int i = 0; i < 11; i++) {
      seeded.add(create("acme", "acme-x", "Seed " + i));
    }
    seeded.add(create("globex", "globex-x", "Globex's own"));
    List<String> seen = new ArrayList<>();
    Future.all(seeded)
        .compose(all -> walk("/api/v1/posts?brand=acme&limit=3", seen, 0))
        .compose(pages -> {
          ctx.verify(() -> {
            assertThat(pages).isEqualTo(4);
            List<String> acme = seeded.subList(0, 11).stream()
                .map(response -> response.result().bodyAsJsonObject().getString("id")).toList();
            assertThat(seen).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(acme);
          });
          return client.get("/api/v1/posts").addQueryParam("cursor", "garbage!").send();
        })
        .onComplete(ctx.succeeding(bad -> ctx.verify(() -> {
          assertThat(fields(bad)).containsExactly("cursor");
          ctx.completeNow();
        })));
  }

  /** Follows nextCursor to the end, creating a post before each next page; the future holds the page count. */
  private Future<Integer> walk(String first, List<String> seen, int pages) {
    return client.get(first).send().compose(response -> {
      JsonObject page = response.bodyAsJsonObject();
      page.getJsonArray("items").forEach(item -> seen.add(((JsonObject) item).getString("id")));
      String next = page.getString("nextCursor");
      if (next == null) {
        return Future.succeededFuture(pages + 1);
      }
      return create("acme", "acme-x", "Created while walking " + pages)
          .compose(created -> walk("/api/v1/posts?brand=acme&limit=3&cursor=" + next, seen, pages + 1));
    });
  }

  private Future<HttpResponse<Buffer>> create(String brand, String account, String text) {
    // Far ahead, so the workflow's scheduling does not pace these posts.
    return client.post("/api/v1/posts").sendJsonObject(new JsonObject().put("brandId", brand).put("accountId", account)
        .put("text", text).put("scheduledAt", Instant.now().plus(1, ChronoUnit.DAYS).toString()));
  }

  /** Polls the post until it is SCHEDULED, within the test's timeout. */
  private Future<JsonObject> scheduled(Vertx vertx, String path) {
    return client.get(path).send().compose(response -> "SCHEDULED".equals(response.bodyAsJsonObject().getString("state"))
        ? Future.succeededFuture(response.bodyAsJsonObject())
        : vertx.timer(100).compose(tick -> scheduled(vertx, path)));
  }
}
