package io.chorus.web.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@Timeout(value = 90, timeUnit = TimeUnit.SECONDS)
@DisplayName("Brands, accounts and campaigns through the REST API")
public class CatalogApiTest {
  private CatalogWebFixture fixture;
  private WebClient client;

  @BeforeEach
  void start(Vertx vertx, VertxTestContext ctx) {
    fixture = CatalogWebFixture.create(getClass());
    fixture.startServices(vertx).compose(started -> fixture.startWeb(vertx))
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
  @DisplayName("a brand is created (201 with its address), listed, read and changed; its id cannot be taken twice")
  void brands(VertxTestContext ctx) {
    JsonObject brand = new JsonObject().put("id", "globex").put("name", "Globex").put("timeZone", "America/New_York")
        .put("voice", "crisp").put("bannedWords", new JsonArray().add("cheap"));
    call(HttpMethod.POST, "/api/v1/brands", brand)
        .compose(created -> {
          ctx.verify(() -> {
            assertThat(created.statusCode()).isEqualTo(201);
            assertThat(created.getHeader("Location")).isEqualTo("/api/v1/brands/globex");
            JsonObject body = created.bodyAsJsonObject();
            assertThat(body.fieldNames()).containsExactlyInAnyOrder("id", "name", "timeZone", "voice", "bannedWords",
                "managedBy", "createdAt", "updatedAt");
            assertThat(body.getString("managedBy")).isEqualTo("api");
            assertThat(body.getJsonArray("bannedWords")).containsExactly("cheap");
          });
          return call(HttpMethod.POST, "/api/v1/brands", new JsonObject().put("id", "globex").put("name", "Again"));
        })
        .compose(conflict -> {
          ctx.verify(() -> assertProblem(conflict, 409));
          return call(HttpMethod.PATCH, "/api/v1/brands/globex", new JsonObject().put("name", "Globex Corp")
              .put("bannedWords", new JsonArray()));
        })
        .compose(patched -> {
          ctx.verify(() -> {
            assertThat(patched.statusCode()).isEqualTo(200);
            assertThat(patched.bodyAsJsonObject().getString("name")).isEqualTo("Globex Corp");
            assertThat(patched.bodyAsJsonObject().getString("timeZone")).isEqualTo("America/New_York");
            assertThat(patched.bodyAsJsonObject().getJsonArray("bannedWords")).isEmpty();
          });
          return Future.all(call(HttpMethod.GET, "/api/v1/brands", null),
              call(HttpMethod.GET, "/api/v1/brands/globex", null),
              call(HttpMethod.GET, "/api/v1/brands?brand=acme", null),
              call(HttpMethod.GET, "/api/v1/brands/initech", null));
        })
        .onComplete(ctx.succeeding(all -> ctx.verify(() -> {
          assertThat(ids(response(all.resultAt(0)))).containsExactly("acme", "globex");
          assertThat(response(all.resultAt(1)).bodyAsJsonObject().getString("name")).isEqualTo("Globex Corp");
          assertThat(ids(response(all.resultAt(2)))).containsExactly("acme");
          assertProblem(response(all.resultAt(3)), 404);
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("what the configuration declares is read through the API but refused change with a 409 saying so")
  void configRowsAreReadOnly(VertxTestContext ctx) {
    Future.all(List.of(
            call(HttpMethod.PATCH, "/api/v1/brands/acme", new JsonObject().put("name", "Hacked")),
            call(HttpMethod.PATCH, "/api/v1/brands/acme/accounts/acme-x", new JsonObject().put("status", "PAUSED")),
            call(HttpMethod.DELETE, "/api/v1/brands/acme/accounts/acme-x", null),
            call(HttpMethod.PATCH, "/api/v1/brands/acme/campaigns/launch", new JsonObject().put("name", "Hacked")),
            call(HttpMethod.GET, "/api/v1/brands/acme", null)))
        .onComplete(ctx.succeeding(all -> ctx.verify(() -> {
          for (int i = 0; i < 4; i++) {
            HttpResponse<Buffer> refused = all.resultAt(i);
            assertProblem(refused, 409);
            assertThat(refused.bodyAsJsonObject().getString("detail")).contains("managed by the configuration");
          }
          JsonObject acme = response(all.resultAt(4)).bodyAsJsonObject();
          assertThat(acme.getString("managedBy")).isEqualTo("config");
          assertThat(acme.getString("name")).isEqualTo("Acme");
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("invalid brands are refused with a 400 naming every field at fault")
  void brandValidation(VertxTestContext ctx) {
    Future.all(List.of(
            call(HttpMethod.POST, "/api/v1/brands", new JsonObject().put("id", "Not An Id").put("timeZone", "Mars/Base")
                .put("bannedWords", "cheap").put("colour", "red")),
            call(HttpMethod.PATCH, "/api/v1/brands/acme", new JsonObject()),
            call(HttpMethod.POST, "/api/v1/brands", Buffer.buffer("[1, 2]")),
            call(HttpMethod.PATCH, "/api/v1/brands/acme", new JsonObject().put("name", " ")),
            call(HttpMethod.POST, "/api/v1/brands", new JsonObject().put("id", "mars").put("name", "Mars")
                .put("timeZone", "Mars/Base"))))
        .onComplete(ctx.succeeding(all -> ctx.verify(() -> {
          // The document's checks come first; what it cannot express (a known time zone) after them.
          assertThat(fields(all.resultAt(0))).containsExactlyInAnyOrder("id", "name", "bannedWords", "colour");
          assertThat(fields(all.resultAt(4))).containsExactly("timeZone");
          assertThat(fields(all.resultAt(1))).containsExactly("body");
          assertThat(fields(all.resultAt(2))).containsExactly("body");
          assertThat(fields(all.resultAt(3))).containsExactly("name");
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("an account is created with write-only credentials, listed, paused, given new credentials and deleted")
  void accounts(VertxTestContext ctx) {
    JsonObject account = new JsonObject().put("id", "acme-linkedin").put("platform", "linkedin")
        .put("handle", "Acme Inc").put("externalId", "urn:li:organization:42")
        .put("credentials", new JsonObject().put("accessToken", "secret-access").put("refreshToken", "secret-refresh")
            .put("expiresAt", "2031-01-01T00:00:00Z"));
    String path = "/api/v1/brands/acme/accounts";
    call(HttpMethod.POST, path, account)
        .compose(created -> {
          ctx.verify(() -> {
            assertThat(created.statusCode()).isEqualTo(201);
            assertThat(created.getHeader("Location")).isEqualTo(path + "/acme-linkedin");
            JsonObject body = created.bodyAsJsonObject();
            assertThat(body.fieldNames()).containsExactlyInAnyOrder("id", "brandId", "platform", "handle",
                "externalId", "status", "hasCredentials", "managedBy", "createdAt", "updatedAt");
            assertThat(body.getBoolean("hasCredentials")).isTrue();
            assertThat(body.getString("platform")).isEqualTo("linkedin");
            assertThat(created.bodyAsString()).doesNotContain("secret-");
          });
          return call(HttpMethod.PATCH, path + "/acme-linkedin", new JsonObject().put("status", "PAUSED")
              .put("handle", "Acme Incorporated").put("credentials", new JsonObject().put("accessToken", "secret-2")));
        })
        .compose(patched -> {
          ctx.verify(() -> {
            assertThat(patched.statusCode()).isEqualTo(200);
            assertThat(patched.bodyAsJsonObject().getString("status")).isEqualTo("PAUSED");
            assertThat(patched.bodyAsJsonObject().getString("handle")).isEqualTo("Acme Incorporated");
            assertThat(patched.bodyAsString()).doesNotContain("secret-");
          });
          return Future.all(call(HttpMethod.GET, path, null), call(HttpMethod.GET, path + "/acme-linkedin", null));
        })
        .compose(read -> {
          ctx.verify(() -> {
            assertThat(ids(response(read.resultAt(0)))).containsExactly("acme-linkedin", "acme-x");
            assertThat(response(read.resultAt(0)).bodyAsString()).doesNotContain("secret-");
            assertThat(response(read.resultAt(1)).bodyAsJsonObject().getBoolean("hasCredentials")).isTrue();
          });
          return call(HttpMethod.DELETE, path + "/acme-linkedin", null);
        })
        .compose(deleted -> {
          ctx.verify(() -> {
            assertThat(deleted.statusCode()).isEqualTo(204);
            assertThat(deleted.bodyAsString()).isNull();
          });
          return Future.all(call(HttpMethod.GET, path + "/acme-linkedin", null),
              call(HttpMethod.DELETE, path + "/acme-linkedin", null),
              call(HttpMethod.POST, "/api/v1/brands/initech/accounts", account));
        })
        .onComplete(ctx.succeeding(after -> ctx.verify(() -> {
          assertProblem(after.resultAt(0), 404);
          assertProblem(after.resultAt(1), 404);
          assertProblem(after.resultAt(2), 404);
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("an account with posts in the pipeline is not deleted (409)")
  void busyAccountIsKept(VertxTestContext ctx) {
    String path = "/api/v1/brands/acme/accounts";
    call(HttpMethod.POST, path, new JsonObject().put("id", "acme-x2").put("platform", "x").put("handle", "@acme2")
            .put("externalId", "1002"))
        .compose(created -> call(HttpMethod.POST, "/api/v1/posts", new JsonObject().put("brandId", "acme")
            .put("accountId", "acme-x2").put("text", "Still on its way")))
        .compose(posted -> call(HttpMethod.DELETE, path + "/acme-x2", null))
        .onComplete(ctx.succeeding(refused -> ctx.verify(() -> {
          assertProblem(refused, 409);
          assertThat(refused.bodyAsJsonObject().getString("detail")).contains("still in the pipeline");
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("invalid accounts are refused with a 400 naming every field at fault, nested ones with their path")
  void accountValidation(VertxTestContext ctx) {
    String path = "/api/v1/brands/acme/accounts";
    Future.all(List.of(
            call(HttpMethod.POST, path, new JsonObject().put("id", "a").put("platform", "myspace")
                .put("handle", 7).put("credentials", new JsonObject().put("expiresAt", "tomorrow")
                    .put("password", "x"))),
            call(HttpMethod.PATCH, path + "/acme-x", new JsonObject().put("status", "NEEDS_REAUTHORIZATION")
                .put("platform", "x")),
            call(HttpMethod.POST, path, new JsonObject().put("id", "acme-x").put("platform", "x").put("handle", "@a")
                .put("externalId", "1")),
            call(HttpMethod.PATCH, path + "/nobody", new JsonObject().put("handle", "@n"))))
        .onComplete(ctx.succeeding(all -> ctx.verify(() -> {
          assertThat(fields(all.resultAt(0))).containsExactlyInAnyOrder("id", "platform", "handle", "externalId",
              "credentials.accessToken", "credentials.expiresAt", "credentials.password");
          assertThat(fields(all.resultAt(1))).containsExactlyInAnyOrder("status", "platform");
          assertProblem(all.resultAt(2), 409);
          assertProblem(all.resultAt(3), 404);
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("a campaign is created, listed, read and changed; the calendar given replaces the old one")
  void campaigns(VertxTestContext ctx) {
    String path = "/api/v1/brands/acme/campaigns";
    JsonObject campaign = new JsonObject().put("id", "autumn").put("name", "Autumn").put("brief", "Leaves fall.")
        .put("keyMessages", new JsonArray().add("crisp air")).put("hashtags", new JsonArray().add("#Autumn"))
        .put("callToAction", "Visit us").put("platforms", new JsonArray().add("x").add("linkedin"))
        .put("calendar", new JsonObject().put("everySeconds", 3600).put("startsAt", "2031-09-01T08:00:00Z")
            .put("maxSlots", 12));
    call(HttpMethod.POST, path, campaign)
        .compose(created -> {
          ctx.verify(() -> {
            assertThat(created.statusCode()).isEqualTo(201);
            assertThat(created.getHeader("Location")).isEqualTo(path + "/autumn");
            JsonObject body = created.bodyAsJsonObject();
            assertThat(body.fieldNames()).containsExactlyInAnyOrder("id", "brandId", "name", "brief", "keyMessages",
                "hashtags", "callToAction", "platforms", "calendar", "plannedSlots", "managedBy", "createdAt",
                "updatedAt");
            assertThat(body.getJsonArray("platforms")).containsExactly("x", "linkedin");
            assertThat(body.getJsonObject("calendar").getString("startsAt")).isEqualTo("2031-09-01T08:00:00Z");
            assertThat(body.getJsonObject("calendar").getValue("endsAt")).isNull();
            assertThat(body.getInteger("plannedSlots")).isZero();
          });
          return call(HttpMethod.PATCH, path + "/autumn", new JsonObject().put("brief", "Leaves have fallen.")
              .put("calendar", new JsonObject().put("everySeconds", 7200).put("endsAt", "2031-10-01T00:00:00Z")));
        })
        .compose(patched -> {
          ctx.verify(() -> {
            JsonObject body = patched.bodyAsJsonObject();
            assertThat(patched.statusCode()).isEqualTo(200);
            assertThat(body.getString("brief")).isEqualTo("Leaves have fallen.");
            assertThat(body.getString("name")).isEqualTo("Autumn");
            JsonObject calendar = body.getJsonObject("calendar");
            assertThat(calendar.getInteger("everySeconds")).isEqualTo(7200);
            assertThat(calendar.getString("startsAt")).as("kept").isEqualTo("2031-09-01T08:00:00Z");
            assertThat(calendar.getString("endsAt")).isEqualTo("2031-10-01T00:00:00Z");
            assertThat(calendar.getValue("maxSlots")).as("replaced with the calendar").isNull();
          });
          return Future.all(call(HttpMethod.GET, path, null), call(HttpMethod.GET, path + "/autumn", null),
              call(HttpMethod.POST, path, campaign), call(HttpMethod.GET, path + "/winter", null));
        })
        .onComplete(ctx.succeeding(all -> ctx.verify(() -> {
          assertThat(ids(response(all.resultAt(0)))).containsExactly("autumn", "launch");
          assertThat(response(all.resultAt(1)).bodyAsJsonObject().getJsonArray("hashtags")).containsExactly("#Autumn");
          assertProblem(all.resultAt(2), 409);
          assertProblem(all.resultAt(3), 404);
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("invalid campaigns are refused with a 400 naming every field at fault")
  void campaignValidation(VertxTestContext ctx) {
    String path = "/api/v1/brands/acme/campaigns";
    Future.all(List.of(
            call(HttpMethod.POST, path, new JsonObject().put("id", "x").put("hashtags", new JsonArray().add("autumn"))
                .put("platforms", new JsonArray().add("myspace"))
                .put("calendar", new JsonObject().put("everySeconds", 0).put("maxSlots", 0)
                    .put("startsAt", "2031-01-02T00:00:00Z").put("endsAt", "2031-01-01T00:00:00Z"))),
            call(HttpMethod.POST, path, new JsonObject().put("id", "winter").put("name", "Winter").put("brief", "Cold")
                .put("platforms", new JsonArray()).put("calendar", "hourly")),
            call(HttpMethod.PATCH, path + "/launch", new JsonObject().put("id", "renamed")),
            call(HttpMethod.POST, path, new JsonObject().put("id", "ends-first").put("name", "Ends first")
                .put("brief", "Backwards").put("platforms", new JsonArray().add("x"))
                .put("hashtags", new JsonArray().add("autumn"))
                .put("calendar", new JsonObject().put("everySeconds", 60)
                    .put("startsAt", "2031-01-02T00:00:00Z").put("endsAt", "2031-01-01T00:00:00Z")))))
        .onComplete(ctx.succeeding(all -> ctx.verify(() -> {
          // The document's checks come first; what it cannot express (an end after the start) after them.
          assertThat(fields(all.resultAt(0))).containsExactlyInAnyOrder("id", "name", "brief",
              "platforms", "calendar.everySeconds", "calendar.maxSlots");
          assertThat(fields(all.resultAt(3))).containsExactlyInAnyOrder("hashtags", "calendar.endsAt");
          assertThat(fields(all.resultAt(1))).containsExactlyInAnyOrder("platforms", "calendar");
          assertThat(fields(all.resultAt(2))).containsExactly("id");
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("a body over the size limit is refused with 413 before any field is read")
  void bodyLimit(VertxTestContext ctx) {
    call(HttpMethod.POST, "/api/v1/brands", new JsonObject().put("id", "big").put("name", "x".repeat(70_000)))
        .onComplete(ctx.succeeding(response -> ctx.verify(() -> {
          assertProblem(response, 413);
          ctx.completeNow();
        })));
  }

  private Future<HttpResponse<Buffer>> call(HttpMethod method, String path, Object body) {
    var request = client.request(method, path);
    if (body == null) {
      return request.send();
    }
    return body instanceof Buffer raw ? request.sendBuffer(raw) : request.sendJsonObject((JsonObject) body);
  }

  @SuppressWarnings("unchecked")
  private static HttpResponse<Buffer> response(Object result) {
    return (HttpResponse<Buffer>) result;
  }

  public static List<String> ids(HttpResponse<Buffer> list) {
    assertThat(list.statusCode()).as(list.bodyAsString()).isEqualTo(200);
    return list.bodyAsJsonObject().getJsonArray("items").stream()
        .map(item -> ((JsonObject) item).getString("id")).toList();
  }

  public static List<String> fields(HttpResponse<Buffer> response) {
    assertProblem(response, 400);
    return response.bodyAsJsonObject().getJsonArray("errors").stream()
        .map(error -> ((JsonObject) error).getString("field")).toList();
  }

  public static void assertProblem(HttpResponse<Buffer> response, int status) {
    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(status);
    assertThat(response.getHeader("Content-Type")).isEqualTo("application/problem+json");
    JsonObject problem = response.bodyAsJsonObject();
    assertThat(problem.getInteger("status")).isEqualTo(status);
    assertThat(problem.getString("detail")).isNotBlank();
  }
}
