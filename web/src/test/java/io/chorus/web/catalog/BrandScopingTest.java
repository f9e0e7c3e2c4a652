package io.chorus.web.catalog;

import static io.chorus.web.catalog.CatalogApiTest.ids;
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
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@Timeout(value = 90, timeUnit = TimeUnit.SECONDS)
@DisplayName("A caller bound to one brand can neither read nor change another's brand, accounts, campaigns or posts")
class BrandScopingTest {
  private static final String EDITOR_A = "editor:brand-a";

  private CatalogWebFixture fixture;
  private WebClient client;
  private String postOfA;
  private String postOfB;

  @BeforeEach
  void start(Vertx vertx, VertxTestContext ctx) {
    fixture = CatalogWebFixture.create(getClass());
    fixture.startServices(vertx)
        .compose(started -> fixture.startScoped(vertx))
        .compose(scoped -> {
          client = scoped;
          // No principal header: an administrator of every brand sets both brands up.
          return brand("brand-a").compose(a -> brand("brand-b"));
        })
        .onComplete(ctx.succeedingThenComplete());
  }

  @AfterEach
  void stop(Vertx vertx) throws Exception {
    fixture.close(vertx);
  }

  @Test
  @DisplayName("every endpoint answers 404 for brand B's rows to an editor of brand A, and lists only A's")
  void otherBrandIsNotFound(VertxTestContext ctx) {
    JsonObject account = new JsonObject().put("id", "b-li").put("platform", "linkedin").put("handle", "B")
        .put("externalId", "urn:li:organization:2");
    JsonObject campaign = campaign("b-new");
    List<Future<HttpResponse<Buffer>>> forB = List.of(
        call(EDITOR_A, HttpMethod.GET, "/api/v1/brands/brand-b", null),
        call(EDITOR_A, HttpMethod.GET, "/api/v1/brands?brand=brand-b", null),
        call(EDITOR_A, HttpMethod.PATCH, "/api/v1/brands/brand-b", new JsonObject().put("name", "Mine now")),
        call(EDITOR_A, HttpMethod.GET, "/api/v1/brands/brand-b/accounts", null),
        call(EDITOR_A, HttpMethod.POST, "/api/v1/brands/brand-b/accounts", account),
        call(EDITOR_A, HttpMethod.GET, "/api/v1/brands/brand-b/accounts/brand-b-x", null),
        call(EDITOR_A, HttpMethod.PATCH, "/api/v1/brands/brand-b/accounts/brand-b-x", new JsonObject().put("status", "PAUSED")),
        call(EDITOR_A, HttpMethod.DELETE, "/api/v1/brands/brand-b/accounts/brand-b-x", null),
        call(EDITOR_A, HttpMethod.GET, "/api/v1/brands/brand-b/campaigns", null),
        call(EDITOR_A, HttpMethod.POST, "/api/v1/brands/brand-b/campaigns", campaign),
        call(EDITOR_A, HttpMethod.GET, "/api/v1/brands/brand-b/campaigns/brand-b-camp", null),
        call(EDITOR_A, HttpMethod.PATCH, "/api/v1/brands/brand-b/campaigns/brand-b-camp", new JsonObject().put("name", "Mine")),
        call(EDITOR_A, HttpMethod.POST, "/api/v1/posts", new JsonObject().put("brandId", "brand-b")
            .put("accountId", "brand-b-x").put("text", "Posted as B")),
        call(EDITOR_A, HttpMethod.GET, "/api/v1/posts?brand=brand-b", null),
        call(EDITOR_A, HttpMethod.GET, "/api/v1/posts/" + postOfB, null));
    Future.all(forB)
        .compose(refused -> {
          ctx.verify(() -> {
            for (int i = 0; i < forB.size(); i++) {
              HttpResponse<Buffer> response = forB.get(i).result();
              assertThat(response.statusCode()).as("request %d: %s", i, response.bodyAsString()).isEqualTo(404);
              assertThat(response.bodyAsString()).doesNotContain("brand-b-x", "Brand brand-b");
            }
          });
          return Future.all(List.of(
              call(EDITOR_A, HttpMethod.GET, "/api/v1/brands", null),
              call(EDITOR_A, HttpMethod.GET, "/api/v1/posts", null),
              call(EDITOR_A, HttpMethod.GET, "/api/v1/brands/brand-a/accounts", null),
              call(EDITOR_A, HttpMethod.GET, "/api/v1/posts/" + postOfA, null),
              call(EDITOR_A, HttpMethod.POST, "/api/v1/posts", new JsonObject().put("brandId", "brand-a")
                  .put("accountId", "brand-b-x").put("text", "B's account under A")),
              call(EDITOR_A, HttpMethod.POST, "/api/v1/brands", new JsonObject().put("id", "brand-c").put("name", "C"))));
        })
        .compose(own -> {
          ctx.verify(() -> {
            assertThat(ids(own.resultAt(0))).containsExactly("brand-a");
            assertThat(ids(own.resultAt(1))).containsExactly(postOfA);
            assertThat(ids(own.resultAt(2))).containsExactly("brand-a-x");
            assertThat(((HttpResponse<Buffer>) own.resultAt(3)).statusCode()).isEqualTo(200);
            assertThat(CatalogApiTest.fields(own.resultAt(4))).containsExactly("accountId");
            assertThat(((HttpResponse<Buffer>) own.resultAt(5)).statusCode()).as("a brand's editor creates no brand")
                .isEqualTo(403);
          });
          return fixture.sql("SELECT (SELECT name FROM brands WHERE id = 'brand-b') AS name, "
              + "(SELECT string_agg(id || ':' || status, ',') FROM accounts WHERE brand_id = 'brand-b') AS accounts, "
              + "(SELECT string_agg(id || ':' || name, ',') FROM campaigns WHERE brand_id = 'brand-b') AS campaigns, "
              + "(SELECT count(*) FROM posts WHERE brand_id = 'brand-b') AS posts", Tuple.tuple());
        })
        .onComplete(ctx.succeeding(rows -> ctx.verify(() -> {
          Row b = rows.iterator().next();
          assertThat(b.getString("name")).isEqualTo("Brand brand-b");
          assertThat(b.getString("accounts")).isEqualTo("brand-b-x:ACTIVE");
          assertThat(b.getString("campaigns")).isEqualTo("brand-b-camp:Campaign");
          assertThat(b.getLong("posts")).isEqualTo(1L);
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("roles decide the writes: a viewer writes nothing (403), a partner posts but changes no account, a reviewer posts nothing")
  void rolesDecideWrites(VertxTestContext ctx) {
    String viewer = "viewer:brand-a";
    List<Future<HttpResponse<Buffer>>> viewerWrites = List.of(
        call(viewer, HttpMethod.POST, "/api/v1/brands", new JsonObject().put("id", "brand-c").put("name", "C")),
        call(viewer, HttpMethod.PATCH, "/api/v1/brands/brand-a", new JsonObject().put("name", "Renamed")),
        call(viewer, HttpMethod.POST, "/api/v1/brands/brand-a/accounts", new JsonObject().put("id", "brand-a-li")
            .put("platform", "linkedin").put("handle", "A").put("externalId", "urn:li:organization:1")),
        call(viewer, HttpMethod.PATCH, "/api/v1/brands/brand-a/accounts/brand-a-x", new JsonObject().put("status", "PAUSED")),
        call(viewer, HttpMethod.DELETE, "/api/v1/brands/brand-a/accounts/brand-a-x", null),
        call(viewer, HttpMethod.POST, "/api/v1/brands/brand-a/campaigns", campaign("brand-a-new")),
        call(viewer, HttpMethod.PATCH, "/api/v1/brands/brand-a/campaigns/brand-a-camp", new JsonObject().put("name", "X")),
        call(viewer, HttpMethod.POST, "/api/v1/posts", new JsonObject().put("brandId", "brand-a")
            .put("accountId", "brand-a-x").put("text", "A viewer's post")));
    Future.all(viewerWrites)
        .compose(refused -> {
          ctx.verify(() -> {
            for (Future<HttpResponse<Buffer>> write : viewerWrites) {
              assertThat(write.result().statusCode()).as(write.result().bodyAsString()).isEqualTo(403);
              assertThat(write.result().getHeader("Content-Type")).isEqualTo("application/problem+json");
            }
          });
          return Future.all(List.of(
              call(viewer, HttpMethod.GET, "/api/v1/brands/brand-a/campaigns/brand-a-camp", null),
              call("partner:brand-a", HttpMethod.POST, "/api/v1/posts", new JsonObject().put("brandId", "brand-a")
                  .put("accountId", "brand-a-x").put("text", "A partner's post")),
              call("partner:brand-a", HttpMethod.PATCH, "/api/v1/brands/brand-a/accounts/brand-a-x",
                  new JsonObject().put("credentials", new JsonObject().put("accessToken", "stolen"))),
              call("reviewer:brand-a", HttpMethod.POST, "/api/v1/posts", new JsonObject().put("brandId", "brand-a")
                  .put("accountId", "brand-a-x").put("text", "A reviewer's post")),
              call("admin:brand-a", HttpMethod.POST, "/api/v1/brands", new JsonObject().put("id", "brand-c")
                  .put("name", "C"))));
        })
        .onComplete(ctx.succeeding(all -> ctx.verify(() -> {
          List<Integer> statuses = new ArrayList<>();
          for (int i = 0; i < all.size(); i++) {
            statuses.add(((HttpResponse<Buffer>) all.resultAt(i)).statusCode());
          }
          assertThat(statuses).containsExactly(200, 201, 403, 403, 403);
          ctx.completeNow();
        })));
  }

  /** A brand with an X account, a campaign and one post, created by an administrator of every brand. */
  private Future<Void> brand(String id) {
    return call(null, HttpMethod.POST, "/api/v1/brands", new JsonObject().put("id", id).put("name", "Brand " + id))
        .compose(created -> call(null, HttpMethod.POST, "/api/v1/brands/" + id + "/accounts", new JsonObject()
            .put("id", id + "-x").put("platform", "x").put("handle", "@" + id).put("externalId", "1" + id.length())))
        .compose(created -> call(null, HttpMethod.POST, "/api/v1/brands/" + id + "/campaigns", campaign(id + "-camp")))
        .compose(created -> call(null, HttpMethod.POST, "/api/v1/posts", new JsonObject().put("brandId", id)
            .put("accountId", id + "-x").put("campaignId", id + "-camp").put("text", "A post of " + id)))
        .map(created -> {
          assertThat(created.statusCode()).as(created.bodyAsString()).isEqualTo(201);
          if (id.equals("brand-a")) {
            postOfA = created.bodyAsJsonObject().getString("id");
          } else {
            postOfB = created.bodyAsJsonObject().getString("id");
          }
          return null;
        });
  }

  private static JsonObject campaign(String id) {
    return new JsonObject().put("id", id).put("name", "Campaign").put("brief", "What it is about")
        .put("platforms", new JsonArray().add("x")).put("calendar", new JsonObject().put("everySeconds", 86_400));
  }

  private Future<HttpResponse<Buffer>> call(String principal, HttpMethod method, String path, JsonObject body) {
    var request = client.request(method, path);
    if (principal != null) {
      request.putHeader(CatalogWebFixture.PRINCIPAL_HEADER, principal);
    }
    return body == null ? request.send() : request.sendJsonObject(body);
  }
}
