package io.chorus.config;

import io.vertx.config.spi.ConfigProcessor;
import io.vertx.config.yaml.YamlProcessor;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads the YAML layers of a configuration, application.yaml, then the profile overlay, then the
 * {@code --config} file, and merges them: mappings deeply, lists and other values replaced by the
 * later layer. Files are read asynchronously and parsed by vertx-config's YAML processor; it is
 * called directly rather than through a ConfigRetriever so that each file's problem can be named
 * and a file of comments only counts as empty instead of failing the merge.
 */
final class YamlLayers {
  static final String BASE_FILE = "application.yaml";
  private static final ConfigProcessor YAML = new YamlProcessor();
  private static final Pattern PROFILE_NAME = Pattern.compile("[A-Za-z0-9_-]+");

  private final Vertx vertx;

  YamlLayers(Vertx vertx) {
    this.vertx = vertx;
  }

  /** The merged files; fails with a {@link ConfigException} naming every file that is missing or broken. */
  Future<JsonObject> read(ConfigSource source) {
    List<Layer> layers = new ArrayList<>();
    layers.add(new Layer(source.confDir().resolve(BASE_FILE), ""));
    if (source.profile() != null && !PROFILE_NAME.matcher(source.profile()).matches()) {
      return Future.failedFuture(new ConfigException(List.of(
          "profile " + source.profile() + ": not a profile name; expected letters, digits, - and _")));
    }
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
        .compose(props -> props.isRegularFile()
            ? vertx.fileSystem().readFile(path)
            : Future.failedFuture(layer.problem("not a regular file")))
        .recover(failure -> Future.failedFuture(failure instanceof ConfigException
            ? failure
            : layer.problem(FileProblems.describe(failure))))
        .compose(contents -> parse(layer, contents));
  }

  private Future<JsonObject> parse(Layer layer, Buffer contents) {
    return YAML.process(vertx, new JsonObject(), contents).transform(parsed -> {
      if (parsed.failed()) {
        return Future.failedFuture(layer.problem(yamlProblem(parsed.cause())));
      }
      // A file of comments only is an empty layer; a deep copy turns nested maps and lists into JSON types.
      return Future.succeededFuture(parsed.result() == null ? new JsonObject() : parsed.result().copy());
    });
  }

  private static String yamlProblem(Throwable failure) {
    Throwable root = failure;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    if (root instanceof ClassCastException) {
      return "not a mapping of keys; expected key: value lines at the top level";
    }
    return "not valid YAML (" + String.valueOf(root.getMessage()).replaceAll("\\s+", " ").trim() + ")";
  }

  /** One file and how problems with it are introduced, e.g. {@code --config /nope.yaml: }. */
  private record Layer(Path file, String label) {
    ConfigException problem(String what) {
      return new ConfigException(List.of(label + file + ": " + what));
    }
  }
}
