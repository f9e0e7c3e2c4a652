package io.chorus.bench.stream;

import io.chorus.bench.stream.LoadGenerator.Outcome;
import io.chorus.bench.stream.LoadGenerator.Result;
import io.chorus.contracts.Addresses;
import io.chorus.contracts.Platform;
import io.chorus.contracts.events.InboundEventsStored;
import io.chorus.contracts.events.StoreInboundEvents;
import io.chorus.contracts.platform.PlatformEvent;
import io.chorus.events.inbound.InboundStoreVerticle;
import io.chorus.storage.Database;
import io.chorus.storage.DatabaseOptions;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Webhook ingest next to a bare Vert.x endpoint, loaded the same way: 64 connections, each posting
 * about 1 KiB of JSON as soon as its previous request was answered. The bare endpoint answers 204
 * and does nothing else. {@code POST /webhooks/meta} is the real web verticle's: it checks the
 * request's HMAC-SHA256 signature, reads the events, has the real {@link InboundStoreVerticle}
 * insert them into PostgreSQL (over the event bus) and answers 200 only once they are stored. Every
 * request is a new, correctly signed comment, so none is refused or taken for a repeat. The events
 * live in a schema of their own in PostgreSQL's {@code test} database, migrated at the start and
 * dropped at the end; at the end its row count must equal the events acknowledged as stored.
 */
final class IngestBench implements AutoCloseable {
  static final String META_APP_SECRET = "chorus-bench-meta-app-secret";
  private static final String HOST = "127.0.0.1";
  private static final String JDBC_URL = "jdbc:postgresql://127.0.0.1:5432/test";
  private static final String PG_USER = "postgres";
  private static final int CONNECTIONS = 64;
  /** At least 5 s and 20,000 answers (the JIT compiles a method after some 10,000 calls), at most 60 s. */
  private static final LoadGenerator.Warmup WARMUP = new LoadGenerator.Warmup(5, 20_000, 60);

  private final String schema;
  private final JsonObject config;

  private IngestBench(String schema, JsonObject config) {
    this.schema = schema;
    this.config = config;
  }

  /** The {@code webhooks} section the web verticle needs for {@code /webhooks/meta}. */
  static JsonObject webhooksConfig() {
    return new JsonObject().put("inbound", new JsonObject()
        .put("maxBodyBytes", 262_144)
        .put("meta", new JsonObject().put("verifyToken", "chorus-bench").put("appSecret", META_APP_SECRET)));
  }

  /** Migrates a fresh schema and deploys the inbound store on {@code server}, the web verticle's Vert.x. */
  static IngestBench prepare(Vertx server) throws Exception {
    String schema = "bench_stream_" + UUID.randomUUID().toString().substring(0, 8);
    JsonObject database = new JsonObject()
        .put("host", HOST).put("port", 5432).put("name", "test").put("user", PG_USER).putNull("password")
        .put("schema", schema)
        // As shipped in conf/application.yaml.
        .put("poolSize", 8)
        .put("migrateOnStart", true).put("embeddedFallback", false).put("connectTimeoutMs", 10_000);
    JsonObject config = new JsonObject().put("database", database);
    IngestBench bench = new IngestBench(schema, config);
    try {
      // Flyway creates the schema it is given.
      await(Database.migrate(server, DatabaseOptions.fromConfig(config)));
      await(server.deployVerticle(new InboundStoreVerticle(), new DeploymentOptions().setConfig(config)));
      return bench;
    } catch (Exception failed) {
      bench.close();
      throw failed;
    }
  }

  /** Loads the bare endpoint, the webhook and the store alone, each for {@code seconds}; the report's section. */
  String run(Vertx server, Vertx clients, int webPort, int seconds) throws Exception {
    MetaEvents meta = new MetaEvents(META_APP_SECRET);
    int bodyBytes = meta.bodyBytes();
    double hmacMicros = meta.hmacMicros();

    Result bare = bare(clients, bodyBytes, seconds);
    System.out.println("bench: bare endpoint " + bare.perSecond() + " requests a second");

    HttpClient http = clients.createHttpClient(new HttpClientOptions().setKeepAlive(true),
        new PoolOptions().setHttp1MaxSize(CONNECTIONS));
    Result webhook = LoadGenerator.run(clients, CONNECTIONS, WARMUP, seconds, () -> {
      MetaEvents.Signed signed = meta.next();
      return http.request(post(webPort, "/webhooks/meta"))
          .compose(request -> request.putHeader("Content-Type", "application/json")
              .putHeader("X-Hub-Signature-256", signed.signature()).send(signed.body()))
          .compose(response -> response.body().map(body -> webhookOutcome(response.statusCode(), body)));
    });
    await(http.close());
    System.out.println("bench: webhook " + webhook.perSecond() + " requests a second");

    Result store = storeAlone(server, meta, seconds);
    System.out.println("bench: store alone " + store.perSecond() + " events a second");

    long rows = single("SELECT count(*) FROM " + schema + ".inbound_events");
    long acknowledged = webhook.stored() + store.stored();
    boolean valid = webhook.non2xxTotal() == 0 && webhook.failed() == 0 && bare.non2xxTotal() == 0
        && bare.failed() == 0 && store.failed() == 0 && rows == acknowledged && webhook.stored() == webhook.answered();

    StringBuilder out = new StringBuilder();
    out.append(("### Ingest: requests a second, %d connections, %,d-byte JSON POST, %d s measured after a warm-up "
        + "of at least %d s and %,d answers (at most %d s)\n\n").formatted(CONNECTIONS, bodyBytes, seconds,
            WARMUP.minSeconds(), WARMUP.answers(), WARMUP.maxSeconds()));
    out.append("| endpoint | requests a second | p50 | p99 | non-2xx answers | no answer "
        + "| CPU per request: this JVM + rest of machine | warm-up |\n")
        .append("|---|---|---|---|---|---|---|---|\n");
    out.append(row("bare Vert.x POST → 204", bare)).append('\n');
    out.append(row("POST /webhooks/meta → 200 (stored)", webhook)).append('\n');
    out.append(row("for comparison: the inbound store alone (%d bus requests in flight, one event each)"
        .formatted(CONNECTIONS), store)).append('\n');
    out.append("\nWebhook ingest runs at %.1f %% of the bare endpoint's rate (%,d / %,d requests a second).\n"
        .formatted(bare.perSecond() == 0 ? 0.0 : 100.0 * webhook.perSecond() / bare.perSecond(),
            webhook.perSecond(), bare.perSecond()));
    out.append("Rows in inbound_events at the end: %,d; events acknowledged as stored: %,d (webhook, warm-up included: %,d"
        .formatted(rows, acknowledged, webhook.stored()))
        .append(" in %,d answers 200; store alone: %,d). ".formatted(webhook.answered(), store.stored()))
        .append(valid ? "Valid run: every request answered 2xx, every acknowledged event stored once.\n"
            : "**Not a valid run**: " + problems(bare, webhook, store, rows, acknowledged) + "\n");
    out.append("HMAC-SHA256 of one %,d-byte body on this machine: %.2f µs (the webhook checks one per request; the load generator computes one to sign it).\n"
        .formatted(bodyBytes, hmacMicros));
    out.append("PostgreSQL: ").append(postgres()).append('\n');
    return out.toString();
  }

  private static Result bare(Vertx clients, int bodyBytes, int seconds) throws Exception {
    Vertx bare = Vertx.vertx();
    try {
      HttpServer server = await(bare.createHttpServer()
          .requestHandler(request -> request.body().onComplete(body -> request.response().setStatusCode(204).end()))
          .listen(0, HOST));
      HttpClient http = clients.createHttpClient(new HttpClientOptions().setKeepAlive(true),
          new PoolOptions().setHttp1MaxSize(CONNECTIONS));
      JsonObject json = new JsonObject().put("event", "post.published").put("padding", "");
      Buffer body = Buffer.buffer(json.put("padding", "x".repeat(Math.max(0, bodyBytes - json.encode().length()))).encode());
      Result result = LoadGenerator.run(clients, CONNECTIONS, WARMUP, seconds,
          () -> http.request(post(server.actualPort(), "/hook"))
              .compose(request -> request.putHeader("Content-Type", "application/json").send(body))
              .compose(response -> response.body().map(answer -> response.statusCode() / 100 == 2
                  ? Outcome.of(response.statusCode(), 0)
                  : new Outcome(response.statusCode(), 0, answer.toString()))));
      await(http.close());
      return result;
    } finally {
      await(bare.close());
    }
  }

  /** The inbound store's own rate: what the webhook's PostgreSQL insert and bus hop allow at most. */
  private static Result storeAlone(Vertx server, MetaEvents meta, int seconds) throws Exception {
    JsonObject change = new JsonObject(meta.next().body()).getJsonArray("entry").getJsonObject(0)
        .getJsonArray("changes").getJsonObject(0);
    String body = change.encode();
    DeliveryOptions delivery = new DeliveryOptions().setSendTimeout(30_000);
    Supplier<Future<Outcome>> call = () -> {
      String id = UUID.randomUUID().toString();
      PlatformEvent event = new PlatformEvent(id, Platform.FACEBOOK, "1029384756", PlatformEvent.Kind.COMMENT,
          "1029384756_111_" + id, "1029384756_111", "55501", "Is the Ethiopia roast back?",
          Instant.ofEpochSecond(1764670000), body);
      return server.eventBus().<InboundEventsStored>request(Addresses.EVENTS_INBOUND_STORE,
              new StoreInboundEvents(List.of(event)), delivery)
          .map(reply -> Outcome.of(200, reply.body().stored()));
    };
    return LoadGenerator.run(server, CONNECTIONS, WARMUP, seconds, call);
  }

  private static Outcome webhookOutcome(int status, Buffer body) {
    String text = body.toString();
    if (status / 100 != 2) {
      return new Outcome(status, 0, text);
    }
    if (MetaEvents.STORED_ONE.equals(text)) {
      return Outcome.of(status, 1);
    }
    return Outcome.of(status, new JsonObject(text).getInteger("stored", 0));
  }

  private static RequestOptions post(int port, String uri) {
    return new RequestOptions().setMethod(HttpMethod.POST).setHost(HOST).setPort(port).setURI(uri)
        .setIdleTimeout(30_000);
  }

  private static String row(String endpoint, Result result) {
    return "| %s | %,d | %s | %s | %s | %,d | %s | %,d answers in %.1f s |".formatted(endpoint, result.perSecond(),
        result.quantile(0.50), result.quantile(0.99),
        result.non2xxTotal() == 0 ? "0" : "%,d %s".formatted(result.non2xxTotal(), result.non2xx()),
        result.failed(), result.cpuPerCall(), result.warmupAnswers(), result.warmupMillis() / 1_000.0);
  }

  private static String problems(Result bare, Result webhook, Result store, long rows, long acknowledged) {
    StringBuilder problems = new StringBuilder();
    for (Result result : new Result[] {bare, webhook, store}) {
      if (result.firstFailure() != null) {
        problems.append("first failure: ").append(result.firstFailure()).append(". ");
      }
    }
    if (rows != acknowledged) {
      problems.append("%,d rows stored but %,d acknowledged. ".formatted(rows, acknowledged));
    }
    if (webhook.stored() != webhook.answered()) {
      problems.append("%,d webhook answers 200 but %,d events stored by them. ".formatted(webhook.answered(),
          webhook.stored()));
    }
    return problems.toString().strip();
  }

  private String postgres() {
    try {
      return "%s; fsync %s, synchronous_commit %s: every stored event is a committed transaction; pool of %d connections."
          .formatted(text("SHOW server_version"), text("SHOW fsync"), text("SHOW synchronous_commit"),
              config.getJsonObject("database").getInteger("poolSize"));
    } catch (SQLException e) {
      return "settings not readable: " + e.getMessage();
    }
  }

  private static long single(String sql) throws SQLException {
    return Long.parseLong(text(sql));
  }

  private static String text(String sql) throws SQLException {
    try (Connection connection = DriverManager.getConnection(JDBC_URL, PG_USER, null);
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      rows.next();
      return rows.getString(1);
    }
  }

  /** Drops the schema; the inbound store should be undeployed first, so nothing holds its tables. */
  @Override
  public void close() throws SQLException {
    try (Connection connection = DriverManager.getConnection(JDBC_URL, PG_USER, null);
        Statement statement = connection.createStatement()) {
      statement.execute("DROP SCHEMA IF EXISTS " + schema.toLowerCase(Locale.ROOT) + " CASCADE");
    }
  }

  private static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(120, TimeUnit.SECONDS);
  }
}
