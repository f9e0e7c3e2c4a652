package io.chorus.launcher;

import io.chorus.config.ConfigException;
import io.chorus.storage.Database;
import io.chorus.storage.DatabaseOptions;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code chorus migrate}: brings the configured database's schema up to date, then exits. */
@Command(name = "migrate", mixinStandardHelpOptions = true,
    description = "Applies pending database migrations to database.host:database.port and exits.")
final class MigrateCommand implements Callable<Integer> {
  @Mixin
  ConfigOptions configOptions;

  @Override
  public Integer call() {
    Vertx vertx = Vertx.vertx();
    try {
      JsonObject config = configOptions.load(vertx, null, Map.of());
      DatabaseOptions database = DatabaseOptions.fromConfig(config);
      String version = Launch.await(Database.migrate(vertx, database));
      System.out.println("Database " + database.name() + " schema " + database.schema() + " is at version " + version);
      return Launch.STOPPED;
    } catch (ConfigException problems) {
      return Launch.reportProblems(problems, System.err);
    } catch (Exception failed) {
      System.err.println("chorus: migration failed: " + failed.getMessage());
      return Launch.COULD_NOT_START;
    } finally {
      vertx.close();
    }
  }
}
