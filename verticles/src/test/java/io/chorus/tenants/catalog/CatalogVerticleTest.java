package io.chorus.tenants.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.chorus.contracts.Addresses;
import io.chorus.contracts.ChorusError;
import io.chorus.contracts.Contracts;
import io.chorus.contracts.ErrorCode;
import io.chorus.contracts.Platform;
import io.chorus.contracts.tenants.Account;
import io.chorus.contracts.tenants.AccountChanged;
import io.chorus.contracts.tenants.AccountCredentials;
import io.chorus.contracts.tenants.AccountPage;
import io.chorus.contracts.tenants.AccountRequest;
import io.chorus.contracts.tenants.Brand;
import io.chorus.contracts.tenants.BrandPage;
import io.chorus.contracts.tenants.BrandRequest;
import io.chorus.contracts.tenants.Campaign;
import io.chorus.contracts.tenants.CampaignCalendar;
import io.chorus.contracts.tenants.CampaignRequest;
import io.chorus.contracts.tenants.CatalogAction;
import io.chorus.pipeline.catalog.CatalogSync;
import io.chorus.platform.auth.TokenCipher;
import io.chorus.storage.Database;
import io.chorus.storage.DatabaseOptions;
import io.chorus.testkit.TestDatabase;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.Timeout;
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
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@Timeout(value = 60, timeUnit = TimeUnit.SECONDS)
@DisplayName("The catalog on the bus: brands, accounts and campaigns created and changed through the API")
class CatalogVerticleTest {
  private static final String KEY = newKey();
  private static final Instant EXPIRES = Instant.parse("2031-01-01T00:00:00Z");

  private TestDatabase database;
  private JsonObject config;
  private Pool pool;
  private final List<AccountChanged> changes = new CopyOnWriteArrayList<>();

  @BeforeEach
  void setUp(Vertx vertx, VertxTestContext ctx) {
    Contracts.registerCodecs(vertx);
    database = TestDatabase.createSchema(getClass());
    config = configured(database.databaseConfig()).put("tokens", new JsonObject().put("encryptionKey", KEY));
    pool = Database.pool(vertx, DatabaseOptions.fromConfig(config));
    vertx.eventBus().<AccountChanged>consumer(Addresses.TENANTS_ACCOUNT_CHANGED, message -> changes.add(message.body()));
    Database.migrate(vertx, DatabaseOptions.fromConfig(config))
        .compose(migrated -> new CatalogSync(pool).sync(config))
        .compose(synced -> vertx.deployVerticle(new CatalogVerticle(), new DeploymentOptions().setConfig(config)))
        .onComplete(ctx.succeedingThenComplete());
  }

  @AfterEach
  void tearDown(Vertx vertx, VertxTestContext ctx) {
    vertx.close().onComplete(closed -> {
      database.close();
      ctx.completeNow();
    });
  }

  @Test
  @DisplayName("a brand is created, read, listed and changed; its id cannot be taken twice; every change is audited")
  void brandLifecycle(Vertx vertx, VertxTestContext ctx) {
    Brand[] created = new Brand[1];
    this.<Brand>ask(vertx, Addresses.TENANTS_BRANDS, new BrandRequest(CatalogAction.CREATE, "globex", "Globex",
            "Asia/Tokyo", null, List.of("cheap"), "ana"))
        .compose(brand -> {
          created[0] = brand;
          return failureOf(ask(vertx, Addresses.TENANTS_BRANDS, new BrandRequest(CatalogAction.CREATE, "globex",
              "Globex again", null, null, null, "ana")));
        })
        .compose(conflict -> {
          ctx.verify(() -> {
            assertThat(created[0].managedBy()).isEqualTo("api");
            assertThat(created[0].timeZone()).isEqualTo("Asia/Tokyo");
            assertThat(created[0].voice()).isEmpty();
            assertThat(conflict.code()).isEqualTo(ErrorCode.CONFLICT);
          });
          return this.<Brand>ask(vertx, Addresses.TENANTS_BRANDS, new BrandRequest(CatalogAction.UPDATE, "globex",
              null, null, "dry and exact", List.of("free", "guaranteed"), "ben"));
        })
        .compose(updated -> {
          ctx.verify(() -> {
            assertThat(updated.name()).isEqualTo("Globex");
            assertThat(updated.voice()).isEqualTo("dry and exact");
            assertThat(updated.bannedWords()).containsExactly("free", "guaranteed");
            assertThat(updated.updatedAt()).isAfterOrEqualTo(created[0].updatedAt());
          });
          return this.<BrandPage>ask(vertx, Addresses.TENANTS_BRANDS,
              new BrandRequest(CatalogAction.LIST, null, null, null, null, null, "ben"));
        })
        .compose(page -> {
          ctx.verify(() -> assertThat(page.items()).extracting(Brand::id).containsExactly("acme", "globex"));
          return sql("SELECT b.review_rules -> 'bannedWords' AS rules, "
              + "(SELECT string_agg(actor || ':' || action, ',' ORDER BY id) FROM audit_log) AS audit "
              + "FROM brands b WHERE id = 'globex'");
        })
        .onComplete(ctx.succeeding(row -> ctx.verify(() -> {
          // The review stage reads banned words from the brand's rules.
          assertThat(row.getJsonArray("rules")).containsExactly("free", "guaranteed");
          assertThat(row.getString("audit")).isEqualTo("ana:brand.create,ben:brand.update");
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("rows the configuration declares are read through the API but never changed by it")
  void configRowsAreReadOnly(Vertx vertx, VertxTestContext ctx) {
    this.<Brand>ask(vertx, Addresses.TENANTS_BRANDS, new BrandRequest(CatalogAction.GET, "acme", null, null, null,
            null, "ana"))
        .compose(brand -> {
          ctx.verify(() -> assertThat(brand.managedBy()).isEqualTo("config"));
          return Future.all(
              failureOf(ask(vertx, Addresses.TENANTS_BRANDS, new BrandRequest(CatalogAction.UPDATE, "acme", "Hacked",
                  null, null, null, "ana"))),
              failureOf(ask(vertx, Addresses.TENANTS_ACCOUNTS, new AccountRequest(CatalogAction.UPDATE, "acme",
                  "acme-x", null, null, null, "PAUSED", null, "ana"))),
              failureOf(ask(vertx, Addresses.TENANTS_ACCOUNTS, new AccountRequest(CatalogAction.DELETE, "acme",
                  "acme-x", null, null, null, null, null, "ana"))),
              failureOf(ask(vertx, Addresses.TENANTS_CAMPAIGNS, new CampaignRequest(CatalogAction.UPDATE, "acme",
                  "launch", "Hacked", null, null, null, null, null, null, "ana"))));
        })
        .compose(refusals -> {
          ctx.verify(() -> {
            for (int i = 0; i < 4; i++) {
              ChorusError error = refusals.resultAt(i);
              assertThat(error.code()).isEqualTo(ErrorCode.CONFLICT);
              assertThat(error.message()).contains("managed by the configuration");
            }
          });
          return sql("SELECT (SELECT name FROM brands WHERE id = 'acme') AS brand, "
              + "(SELECT status FROM accounts WHERE id = 'acme-x') AS status, "
              + "(SELECT name FROM campaigns WHERE id = 'launch') AS campaign");
        })
        .onComplete(ctx.succeeding(row -> ctx.verify(() -> {
          assertThat(row.getString("brand")).isEqualTo("Acme");
          assertThat(row.getString("status")).isEqualTo("ACTIVE");
          assertThat(row.getString("campaign")).isEqualTo("Launch");
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("the configuration sync leaves rows created through the API alone, even under an id it declares")
  void syncNeverOverwritesApiRows(Vertx vertx, VertxTestContext ctx) {
    JsonObject later = configured(database.databaseConfig());
    // The configuration grows a brand, account and campaign under ids the API took first.
    later.getJsonArray("brands").add(new JsonObject().put("id", "globex").put("name", "Config Globex")
        .put("timeZone", "UTC").put("accounts", new JsonArray().add(new JsonObject().put("id", "globex-x")
            .put("platform", "x").put("handle", "config").put("externalId", "9").put("accessToken", "t"))));
    later.getJsonArray("campaigns").add(campaignConfig("spring", "globex"));
    later.getJsonArray("brands").getJsonObject(0).put("name", "Acme Renamed");
    createGlobex(vertx)
        .compose(done -> new CatalogSync(pool).sync(later))
        .compose(synced -> sql("SELECT (SELECT name || '/' || managed_by FROM brands WHERE id = 'globex') AS globex, "
            + "(SELECT handle || '/' || managed_by FROM accounts WHERE id = 'globex-x') AS account, "
            + "(SELECT name || '/' || managed_by FROM campaigns WHERE id = 'spring') AS campaign, "
            + "(SELECT name FROM brands WHERE id = 'acme') AS acme"))
        .onComplete(ctx.succeeding(row -> ctx.verify(() -> {
          assertThat(row.getString("globex")).isEqualTo("Globex/api");
          assertThat(row.getString("account")).isEqualTo("@globex/api");
          assertThat(row.getString("campaign")).isEqualTo("Spring/api");
          assertThat(row.getString("acme")).as("config rows still follow the configuration").isEqualTo("Acme Renamed");
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("credentials are sealed as the agents read them, never answered, and replaced on update")
  void credentialsAreSealed(Vertx vertx, VertxTestContext ctx) {
    createGlobex(vertx)
        .compose(done -> this.<Account>ask(vertx, Addresses.TENANTS_ACCOUNTS, new AccountRequest(CatalogAction.GET,
            "globex", "globex-x", null, null, null, null, null, "ana")))
        .compose(account -> {
          ctx.verify(() -> {
            assertThat(account.hasCredentials()).isTrue();
            assertThat(account.toString()).doesNotContain("access-1");
          });
          return sql("SELECT * FROM account_tokens WHERE account_id = 'globex-x'");
        })
        .compose(row -> {
          ctx.verify(() -> {
            TokenCipher cipher = TokenCipher.fromBase64(KEY);
            byte[] sealed = row.getBuffer("access_token").getBytes();
            assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("access-1");
            assertThat(cipher.decrypt(sealed, "globex-x")).isEqualTo("access-1");
            assertThat(cipher.decrypt(row.getBuffer("refresh_token").getBytes(), "globex-x")).isEqualTo("refresh-1");
            assertThat(row.getOffsetDateTime("access_expires_at").toInstant()).isEqualTo(EXPIRES);
            assertThat(row.getString("status")).isEqualTo("ACTIVE");
          });
          return sql("UPDATE accounts SET status = 'NEEDS_REAUTHORIZATION' WHERE id = 'globex-x' RETURNING id")
              .compose(waiting -> ask(vertx, Addresses.TENANTS_ACCOUNTS, new AccountRequest(CatalogAction.UPDATE,
                  "globex", "globex-x", null, null, null, null, new AccountCredentials("access-2", null, null), "ben")));
        })
        .compose(updated -> {
          ctx.verify(() -> assertThat(((Account) updated).status()).as("new tokens end the wait").isEqualTo("ACTIVE"));
          return sql("SELECT access_token, refresh_token, version, "
              + "(SELECT detail::text FROM audit_log WHERE action = 'account.update') AS audit "
              + "FROM account_tokens WHERE account_id = 'globex-x'");
        })
        .onComplete(ctx.succeeding(row -> ctx.verify(() -> {
          assertThat(TokenCipher.fromBase64(KEY).decrypt(row.getBuffer("access_token").getBytes(), "globex-x"))
              .isEqualTo("access-2");
          assertThat(row.getBuffer("refresh_token")).isNull();
          assertThat(row.getLong("version")).isEqualTo(2L);
          assertThat(row.getString("audit")).contains("replaced").doesNotContain("access-2");
          assertThat(changes).extracting(AccountChanged::change).containsExactly("created", "updated");
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("without tokens.encryptionKey credentials are refused rather than stored in the clear")
  void noKeyNoCredentials(Vertx vertx, VertxTestContext ctx) {
    JsonObject keyless = config.copy().put("tokens", new JsonObject());
    vertx.undeploy(vertx.deploymentIDs().iterator().next())
        .compose(undeployed -> vertx.deployVerticle(new CatalogVerticle(), new DeploymentOptions().setConfig(keyless)))
        .compose(deployed -> failureOf(ask(vertx, Addresses.TENANTS_ACCOUNTS, new AccountRequest(CatalogAction.CREATE,
            "acme", "acme-tiktok", Platform.TIKTOK, "@acme", "700", null, new AccountCredentials("t", null, null),
            "ana"))))
        .compose(error -> {
          ctx.verify(() -> {
            assertThat(error.code()).isEqualTo(ErrorCode.INVALID_REQUEST);
            assertThat(error.message()).startsWith("credentials: ").contains("tokens.encryptionKey");
          });
          return this.<Account>ask(vertx, Addresses.TENANTS_ACCOUNTS, new AccountRequest(CatalogAction.CREATE, "acme",
              "acme-tiktok", Platform.TIKTOK, "@acme", "700", null, null, "ana"));
        })
        .onComplete(ctx.succeeding(account -> ctx.verify(() -> {
          assertThat(account.hasCredentials()).isFalse();
          assertThat(account.status()).isEqualTo("ACTIVE");
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("an account with posts in flight is kept; once they are done it is deleted, never listed again, its id not reused")
  void accountDeletion(Vertx vertx, VertxTestContext ctx) {
    AccountRequest delete = new AccountRequest(CatalogAction.DELETE, "globex", "globex-x", null, null, null, null,
        null, "ana");
    createGlobex(vertx)
        .compose(done -> sql("INSERT INTO posts (brand_id, campaign_id, account_id, platform, slot_at, state) "
            + "VALUES ('globex', 'spring', 'globex-x', 'x', now(), 'SCHEDULED') RETURNING id"))
        .compose(post -> failureOf(ask(vertx, Addresses.TENANTS_ACCOUNTS, delete))
            .compose(busy -> {
              ctx.verify(() -> {
                assertThat(busy.code()).isEqualTo(ErrorCode.CONFLICT);
                assertThat(busy.message()).contains("1 post(s) still in the pipeline");
              });
              return sql("UPDATE posts SET state = 'PUBLISHED' WHERE id = '" + post.getUUID("id") + "' RETURNING id");
            }))
        .compose(published -> this.<Account>ask(vertx, Addresses.TENANTS_ACCOUNTS, delete))
        .compose(deleted -> {
          ctx.verify(() -> assertThat(deleted.status()).isEqualTo("DELETED"));
          return Future.all(
              this.<AccountPage>ask(vertx, Addresses.TENANTS_ACCOUNTS, new AccountRequest(CatalogAction.LIST, "globex",
                  null, null, null, null, null, null, "ana")),
              failureOf(ask(vertx, Addresses.TENANTS_ACCOUNTS, new AccountRequest(CatalogAction.GET, "globex",
                  "globex-x", null, null, null, null, null, "ana"))),
              failureOf(ask(vertx, Addresses.TENANTS_ACCOUNTS, new AccountRequest(CatalogAction.CREATE, "globex",
                  "globex-x", Platform.X, "@again", "1", null, null, "ana"))),
              sql("SELECT count(*) AS tokens FROM account_tokens WHERE account_id = 'globex-x'"));
        })
        .onComplete(ctx.succeeding(all -> ctx.verify(() -> {
          assertThat(((AccountPage) all.resultAt(0)).items()).isEmpty();
          assertThat(((ChorusError) all.resultAt(1)).code()).isEqualTo(ErrorCode.NOT_FOUND);
          assertThat(((ChorusError) all.resultAt(2)).code()).isEqualTo(ErrorCode.CONFLICT);
          assertThat(((Row) all.resultAt(3)).getLong("tokens")).isZero();
          assertThat(changes).extracting(AccountChanged::change).containsExactly("created", "deleted");
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("a campaign is stored as configured ones are, and a new calendar keeps the slots planned so far")
  void campaignLifecycle(Vertx vertx, VertxTestContext ctx) {
    Instant start = Instant.parse("2031-03-01T09:00:00Z");
    createGlobex(vertx)
        .compose(done -> sql("UPDATE campaigns SET planned_slots = 2 WHERE id = 'spring' RETURNING id"))
        .compose(planned -> this.<Campaign>ask(vertx, Addresses.TENANTS_CAMPAIGNS, new CampaignRequest(
            CatalogAction.UPDATE, "globex", "spring", null, "Spring, now greener", null, List.of("#Green"), null,
            List.of(Platform.X, Platform.LINKEDIN), new CampaignCalendar(7200, start, null, 4), "ben")))
        .compose(updated -> {
          ctx.verify(() -> {
            assertThat(updated.name()).isEqualTo("Spring");
            assertThat(updated.brief()).isEqualTo("Spring, now greener");
            assertThat(updated.keyMessages()).containsExactly("fresh");
            assertThat(updated.hashtags()).containsExactly("#Green");
            assertThat(updated.platforms()).containsExactly(Platform.X, Platform.LINKEDIN);
            assertThat(updated.calendar()).isEqualTo(new CampaignCalendar(7200, start, null, 4));
            assertThat(updated.plannedSlots()).isEqualTo(2);
          });
          return sql("SELECT spec, calendar, slot_every_secs, max_slots FROM campaigns WHERE id = 'spring'");
        })
        .compose(row -> {
          ctx.verify(() -> {
            JsonObject spec = row.getJsonObject("spec");
            assertThat(spec.getString("brand")).isEqualTo("globex");
            assertThat(spec.getJsonArray("platforms")).containsExactly("x", "linkedin");
            assertThat(row.getJsonObject("calendar").getInteger("everySeconds")).isEqualTo(7200);
            assertThat(row.getInteger("max_slots")).isEqualTo(4);
          });
          return failureOf(ask(vertx, Addresses.TENANTS_CAMPAIGNS, new CampaignRequest(CatalogAction.UPDATE, "globex",
              "spring", null, null, null, null, null, null, new CampaignCalendar(60, null, start.minusSeconds(1), null),
              "ben")));
        })
        .onComplete(ctx.succeeding(error -> ctx.verify(() -> {
          assertThat(error.code()).isEqualTo(ErrorCode.INVALID_REQUEST);
          assertThat(error.message()).startsWith("calendar.endsAt: ");
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("rows of another brand are not found under this one, and values break no rule")
  void brandsAndRules(Vertx vertx, VertxTestContext ctx) {
    createGlobex(vertx)
        .compose(done -> Future.all(List.of(
            failureOf(ask(vertx, Addresses.TENANTS_ACCOUNTS, new AccountRequest(CatalogAction.GET, "acme", "globex-x",
                null, null, null, null, null, "ana"))),
            failureOf(ask(vertx, Addresses.TENANTS_CAMPAIGNS, new CampaignRequest(CatalogAction.GET, "acme", "spring",
                null, null, null, null, null, null, null, "ana"))),
            failureOf(ask(vertx, Addresses.TENANTS_BRANDS, new BrandRequest(CatalogAction.CREATE, "Not_An_Id", "X",
                null, null, null, "ana"))),
            failureOf(ask(vertx, Addresses.TENANTS_BRANDS, new BrandRequest(CatalogAction.CREATE, "initech", "Initech",
                "Mars/Olympus", null, null, "ana"))),
            failureOf(ask(vertx, Addresses.TENANTS_ACCOUNTS, new AccountRequest(CatalogAction.UPDATE, "globex",
                "globex-x", null, null, null, "NEEDS_REAUTHORIZATION", null, "ana"))),
            failureOf(ask(vertx, Addresses.TENANTS_CAMPAIGNS, new CampaignRequest(CatalogAction.CREATE, "globex",
                "summer", "Summer", "Hot", null, List.of("summer"), null, List.of(Platform.X),
                new CampaignCalendar(60, null, null, null), "ana"))),
            failureOf(ask(vertx, Addresses.TENANTS_ACCOUNTS, new AccountRequest(CatalogAction.CREATE, "nobody",
                "nobody-x", Platform.X, "@n", "1", null, null, "ana"))))))
        .onComplete(ctx.succeeding(all -> ctx.verify(() -> {
          List<ChorusError> errors = all.list();
          assertThat(errors).extracting(ChorusError::code).containsExactly(ErrorCode.NOT_FOUND, ErrorCode.NOT_FOUND,
              ErrorCode.INVALID_REQUEST, ErrorCode.INVALID_REQUEST, ErrorCode.INVALID_REQUEST,
              ErrorCode.INVALID_REQUEST, ErrorCode.NOT_FOUND);
          assertThat(errors.get(2).message()).startsWith("id: ");
          assertThat(errors.get(3).message()).startsWith("timeZone: ");
          assertThat(errors.get(4).message()).startsWith("status: ");
          assertThat(errors.get(5).message()).startsWith("hashtags: ");
          ctx.completeNow();
        })));
  }

  /** An API brand with one account (with credentials) and one campaign. */
  private Future<Void> createGlobex(Vertx vertx) {
    return ask(vertx, Addresses.TENANTS_BRANDS, new BrandRequest(CatalogAction.CREATE, "globex", "Globex", null, null,
            null, "ana"))
        .compose(brand -> ask(vertx, Addresses.TENANTS_ACCOUNTS, new AccountRequest(CatalogAction.CREATE, "globex",
            "globex-x", Platform.X, "@globex", "1600000000000000009", null,
            new AccountCredentials("access-1", "refresh-1", EXPIRES), "ana")))
        .compose(account -> ask(vertx, Addresses.TENANTS_CAMPAIGNS, new CampaignRequest(CatalogAction.CREATE, "globex",
            "spring", "Spring", "Spring is here", List.of("fresh"), List.of("#Spring"), "Come by", List.of(Platform.X),
            new CampaignCalendar(3600, null, null, 10), "ana")))
        .mapEmpty();
  }

  private <T> Future<T> ask(Vertx vertx, String address, Object request) {
    return vertx.eventBus().<T>request(address, request).map(Message::body);
  }

  private static <T> Future<ChorusError> failureOf(Future<T> outcome) {
    return outcome.transform(ar -> ar.succeeded()
        ? Future.failedFuture(new AssertionError("expected a failure, got " + ar.result()))
        : Future.succeededFuture(ChorusError.from(ar.cause())));
  }

  private Future<Row> sql(String sql) {
    return pool.preparedQuery(sql).execute(Tuple.tuple()).map(rows -> rows.iterator().next());
  }

  /** The configuration's catalog: one brand with an X account, one campaign. */
  static JsonObject configured(JsonObject databaseConfig) {
    return new JsonObject()
        .put("database", databaseConfig)
        .put("brands", new JsonArray().add(new JsonObject().put("id", "acme").put("name", "Acme")
            .put("timeZone", "Europe/Paris").put("accounts", new JsonArray().add(new JsonObject().put("id", "acme-x")
                .put("platform", "x").put("handle", "@acme").put("externalId", "1001").put("accessToken", "t")))))
        .put("campaigns", new JsonArray().add(campaignConfig("launch", "acme")));
  }

  private static JsonObject campaignConfig(String id, String brand) {
    return new JsonObject().put("id", id).put("brand", brand).put("name", id.equals("launch") ? "Launch" : "Config")
        .put("brief", "From the configuration").put("platforms", new JsonArray().add("x"))
        .put("calendar", new JsonObject().put("everySeconds", 60));
  }

  private static String newKey() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return Base64.getEncoder().encodeToString(key);
  }
}
