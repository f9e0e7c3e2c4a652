package io.chorus.storage.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@Timeout(value = 3, timeUnit = TimeUnit.MINUTES)
class EmbeddedDatabaseTest {

  @Test
  @DisplayName("an embedded server answers SQL on the loopback only, and once stopped its port is closed and its data gone")
  void startsAnswersAndCleansUp(Vertx vertx, VertxTestContext ctx) {
    EmbeddedDatabase.start(vertx, new EmbeddedDatabaseOptions())
        .compose(db -> {
          ctx.verify(() -> {
            assertThat(db.host()).isEqualTo("127.0.0.1");
            assertThat(db.user()).isEqualTo("postgres");
            assertThat(db.database()).isEqualTo(EmbeddedDatabaseOptions.DEFAULT_DATABASE);
            assertThat(Path.of(db.dataDirectory())).isDirectory();
          });
          Pool pool = pool(vertx, db);
          return roundTrip(pool, ctx)
              .eventually(pool::close)
              .compose(done -> db.stop())
              .compose(stopped -> vertx.createNetClient().connect(db.port(), db.host())
                  .transform(connected -> Future.succeededFuture(connected.succeeded())))
              .onComplete(ctx.succeeding(answered -> ctx.verify(() -> {
                assertThat(answered).as("port %d still answers after stop()", db.port()).isFalse();
                assertThat(Files.exists(Path.of(db.dataDirectory()))).isFalse();
                ctx.completeNow();
              })));
        })
        .onFailure(ctx::failNow);
  }

  @Test
  @DisplayName("two embedded servers run side by side on their own ports with their own databases")
  void twoServersAtOnce(Vertx vertx, VertxTestContext ctx) {
    Future<EmbeddedDatabase> first = EmbeddedDatabase.start(vertx, new EmbeddedDatabaseOptions().setDatabase("first"));
    Future<EmbeddedDatabase> second = EmbeddedDatabase.start(vertx, new EmbeddedDatabaseOptions().setDatabase("second"));
    Future.all(first, second)
        .compose(both -> Future.all(currentDatabase(vertx, first.result()), currentDatabase(vertx, second.result())))
        .onComplete(ctx.succeeding(names -> ctx.verify(() -> {
          assertThat(first.result().port()).isNotEqualTo(second.result().port());
          assertThat(names.<String>resultAt(0)).isEqualTo("first");
          assertThat(names.<String>resultAt(1)).isEqualTo("second");
        })))
        .eventually(() -> Future.join(stopIfStarted(first), stopIfStarted(second)))
        .onComplete(ctx.succeedingThenComplete());
  }

  private static Future<Void> roundTrip(Pool pool, VertxTestContext ctx) {
    return pool.query("SELECT version(), current_setting('listen_addresses')").execute()
        .map(rows -> rows.iterator().next())
        .map(row -> {
          ctx.verify(() -> {
            assertThat(row.getString(0)).startsWith("PostgreSQL ");
            assertThat(row.getString(1)).isEqualTo("127.0.0.1");
          });
          return row;
        })
        .compose(ignored -> pool.query("CREATE TABLE notes (id int PRIMARY KEY, body text NOT NULL)").execute())
        .compose(ignored -> pool.preparedQuery("INSERT INTO notes (id, body) VALUES ($1, $2)")
            .execute(Tuple.of(1, "hello from the embedded server")))
        .compose(ignored -> pool.query("SELECT body FROM notes WHERE id = 1").execute())
        .map(rows -> {
          ctx.verify(() -> assertThat(rows).extracting((Row row) -> row.getString("body"))
              .containsExactly("hello from the embedded server"));
          return null;
        });
  }

  private static Future<String> currentDatabase(Vertx vertx, EmbeddedDatabase db) {
    Pool pool = pool(vertx, db);
    return pool.query("SELECT current_database()").execute()
        .map(rows -> rows.iterator().next().getString(0))
        .eventually(pool::close);
  }

  private static Future<Void> stopIfStarted(Future<EmbeddedDatabase> started) {
    return started.succeeded() ? started.result().stop() : Future.succeededFuture();
  }

  private static Pool pool(Vertx vertx, EmbeddedDatabase db) {
    return PgBuilder.pool()
        .connectingTo(new PgConnectOptions()
            .setHost(db.host())
            .setPort(db.port())
            .setUser(db.user())
            .setDatabase(db.database()))
        .using(vertx)
        .build();
  }
}
