package io.chorus.config;

import io.vertx.config.ConfigRetriever;
import io.vertx.config.ConfigRetrieverOptions;
import io.vertx.config.ConfigStoreOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the YAML layers of a configuration with vertx-config, application.yaml, then the
 * profile overlay, then the {@code --config} file, and merges them: mappings deeply, lists and
 * other values replaced by the later layer.
 */
final class YamlLayers {
  static final String BASE_FILE = "application.yaml";

  private final Vertx vertx;

  YamlLayers(Vertx vertx) {
    this.vertx = vertx;
  }

  /** The merged files; fails with a {@link ConfigException} naming every file that is missing or broken. */
  Future<JsonObject> read(ConfigSource source) {
    List<Layer> layers = new ArrayList<>();
    layers.add(new Layer(source.confDir().resolve(BASE_FILE), ""));
    if (source.profile() != null) {
      Path overlay = source.confDir().resolve("application-" + source.profile() + ".yaml");
      layers.add(new Layer(overlay, "profile " + source.profile() + ": "));
    }
    if (source.configFile() != null) {
      layers.add(new Layer(source.configFile(), "--config "));
    }
    List<Future<JsonObject>> reads = layers.stream().map(this::readLayer).toList();
    return Future.join(reads).transform(done -> merge(reads));
  }

  private static Future<JsonObject> merge(List<Future<JsonObject>> reads) {
    JsonObject merged = new JsonObject();
    List<String> problems = new ArrayList<>();
    for (Future<JsonObject> read : reads) {
      if (read.succeeded()) {
        merged.mergeIn(read.result(), true);
      } else if (read.cause() instanceof ConfigException invalid) {
        problems.addAll(invalid.problems());
      } else {
        problems.add(String.valueOf(read.cause().getMessage()));
      }
    }
    return problems.isEmpty() ? Future.succeededFuture(merged) : Future.failedFuture(new ConfigException(problems));
  }

  private Future<JsonObject> readLayer(Layer layer) {
    String path = layer.file().toString();
    return vertx.fileSystem().props(path)
        .recover(failure -> Future.failedFuture(layer.problem(FileProblems.describe(failure))))
        .compose(props -> props.isRegularFile()
            ? retrieve(layer)
            : Future.failedFuture(layer.problem("not a regular file")));
  }

  private Future<JsonObject> retrieve(Layer layer) {
    ConfigStoreOptions store = new ConfigStoreOptions()
        .setType("file")
        .setFormat("yaml")
        .setConfig(new JsonObject().put("path", layer.file().toString()));
    ConfigRetriever retriever = ConfigRetriever.create(vertx,
        new ConfigRetrieverOptions().setScanPeriod(0).addStore(store));
    return retriever.getConfig()
        .eventually(retriever::close)
        // A deep copy turns the YAML's nested maps and lists into JsonObjects and JsonArrays.
        .map(JsonObject::copy)
        .recover(failure -> Future.failedFuture(layer.problem("not valid YAML (" + rootMessage(failure) + ")")));
  }

  private static String rootMessage(Throwable failure) {
    Throwable root = failure;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return String.valueOf(root.getMessage()).replaceAll("\\s+", " ").trim();
  }

  /** One file and how problems with it are introduced, e.g. {@code --config /nope.yaml: }. */
  private record Layer(Path file, String label) {
    ConfigException problem(String what) {
      return new ConfigException(List.of(label + file + ": " + what));
    }
  }
}
