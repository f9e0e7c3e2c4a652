package io.chorus.pipeline;

import io.chorus.contracts.Addresses;
import io.chorus.contracts.ChorusError;
import io.chorus.contracts.Contracts;
import io.chorus.contracts.Platform;
import io.chorus.contracts.pipeline.PostCommand;
import io.chorus.contracts.pipeline.PostView;
import io.chorus.contracts.platform.PublishRequest;
import io.chorus.contracts.platform.PublishResult;
import io.chorus.pipeline.publishing.PublisherVerticle;
import io.chorus.storage.Database;
import io.chorus.storage.DatabaseOptions;
import io.chorus.testkit.TestDatabase;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A pipeline with a publisher and stand-in platform agents, for tests of what happens around
 * publishing: posts are written straight into SCHEDULED, and every publish call is timed.
 */
final class PublishingBench {
  private final Vertx vertx;
  private final TestDatabase database;
  private final JsonObject config;
  private final Pool pool;
  /** When the stand-in platform agents were asked to publish each post. */
  private final Map<String, List<Instant>> publishCalls = new ConcurrentHashMap<>();

  private PublishingBench(Vertx vertx, TestDatabase database, JsonObject config) {
    this.vertx = vertx;
    this.database = database;
    this.config = config;
    this.pool = Database.pool(vertx, DatabaseOptions.fromConfig(config));
  }

  /** A migrated schema with the pipeline deployed; the publisher waits for {@link #startPublishing}. */
  static Future<PublishingBench> start(Vertx vertx, Class<?> testClass, int batchSize) {
    Contracts.registerCodecs(vertx);
    TestDatabase database = TestDatabase.createSchema(testClass);
    JsonObject config = PipelineFixture.config(database, 1, 1);
    config.getJsonObject("pipeline").put("batchSize", batchSize);
    PublishingBench bench = new PublishingBench(vertx, database, config);
    return Database.migrate(vertx, DatabaseOptions.fromConfig(config))
        .compose(migrated -> vertx.deployVerticle(new PipelineVerticle(), new DeploymentOptions().setConfig(config)))
        .map(deployed -> bench);
  }

  /** Stops the verticles, then drops the schema. */
  Future<Void> close() {
    return vertx.close().onComplete(closed -> database.close());
  }

  Pool pool() {
    return pool;
  }

  /** Stand-in X and LinkedIn agents whose publish outcome {@code outcome} decides. */
  void standInPublish(Function<PublishRequest, Future<Void>> outcome) {
    for (Platform platform : List.of(Platform.X, Platform.LINKEDIN)) {
      vertx.eventBus().<PublishRequest>consumer(platform.address(Addresses.PUBLISH), m -> {
        calls(m.body().postId()).add(Instant.now());
        outcome.apply(m.body()).onComplete(result -> {
          if (result.succeeded()) {
            m.reply(new PublishResult(m.body().postId(), "ext-" + m.body().postId(), Instant.now()));
          } else {
            ChorusError.from(result.cause()).failReply(m);
          }
        });
      });
    }
  }

  /** When each publish call for the post arrived, oldest first. */
  List<Instant> calls(String postId) {
    return publishCalls.computeIfAbsent(postId, id -> new CopyOnWriteArrayList<>());
  }

  Future<Void> startPublishing() {
    return vertx.deployVerticle(new PublisherVerticle(), new DeploymentOptions().setConfig(config)).mapEmpty();
  }

  /** Writes {@code count} posts on X, already SCHEDULED for {@code dueAt}. */
  Future<List<UUID>> schedule(int count, Instant dueAt) {
    return pool.preparedQuery("""
        INSERT INTO posts (brand_id, campaign_id, account_id, platform, slot_at, state, text, scheduled_at)
        SELECT 'acme', 'launch', 'acme-x', 'x', now() + make_interval(secs => n), 'SCHEDULED',
               'Post ' || n, $2
        FROM generate_series(1, $1) AS n
        RETURNING id
        """).execute(Tuple.of(count, dueAt.atOffset(ZoneOffset.UTC)))
        .map(rows -> {
          List<UUID> ids = new ArrayList<>();
          rows.forEach(row -> ids.add(row.getUUID("id")));
          return ids;
        });
  }

  Future<PostView> command(PostCommand command) {
    return vertx.eventBus().<PostView>request(Addresses.PIPELINE_COMMAND, command).map(reply -> reply.body());
  }

  /** The post's row as it is now. */
  Future<Row> row(UUID id) {
    return pool.preparedQuery("SELECT * FROM posts WHERE id = $1").execute(Tuple.of(id))
        .map(rows -> rows.iterator().next());
  }

  Future<String> state(UUID id) {
    return row(id).map(row -> row.getString("state"));
  }

  /** Polls until the condition holds, within the test's timeout. */
  Future<Void> waitUntil(Supplier<Future<Boolean>> condition) {
    return condition.get().compose(met -> met
        ? Future.succeededFuture()
        : vertx.timer(50).compose(tick -> waitUntil(condition)));
  }

  Future<Void> waitForState(UUID id, String state) {
    return waitUntil(() -> state(id).map(state::equals));
  }
}
