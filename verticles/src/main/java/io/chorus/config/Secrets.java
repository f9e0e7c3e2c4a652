package io.chorus.config;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces the secret references of a configuration (values at {@code x-secret} schema nodes) with
 * the secrets: {@code env:NAME} from the environment, {@code file:/path} from the file's trimmed
 * contents, {@code demo:NAME} as NAME itself.
 */
final class Secrets {
  private static final Pattern REFERENCE = Pattern.compile("^(env|file|demo):(.+)$", Pattern.DOTALL);

  private final Vertx vertx;
  private final ConfigSchema schema;
  private final Map<String, String> env;
  private final List<Secret> found = new ArrayList<>();

  private Secrets(Vertx vertx, ConfigSchema schema, Map<String, String> env) {
    this.vertx = vertx;
    this.schema = schema;
    this.env = env;
  }

  /** Resolves every reference in place; the future holds the problems, one per secret that could not be had. */
  static Future<List<String>> resolve(Vertx vertx, ConfigSchema schema, JsonObject config, Map<String, String> env) {
    Secrets secrets = new Secrets(vertx, schema, env);
    secrets.walk(schema.root(), config, "", value -> { });
    List<Future<String>> values = secrets.found.stream().map(secrets::value).toList();
    // Values are written back only here, after every read finished, so nothing is changed concurrently.
    return Future.join(values).transform(done -> {
      List<String> problems = new ArrayList<>();
      for (int i = 0; i < values.size(); i++) {
        Secret secret = secrets.found.get(i);
        if (values.get(i).succeeded()) {
          secret.replace().accept(values.get(i).result());
        } else {
          problems.add(secret.path() + ": \"" + secret.reference() + "\" " + values.get(i).cause().getMessage());
        }
      }
      return Future.succeededFuture(problems);
    });
  }

  private void walk(JsonObject declared, Object value, String path, Consumer<String> replace) {
    JsonObject node = schema.resolve(declared);
    if (node.getBoolean("x-secret", false) && value instanceof String reference
        && REFERENCE.matcher(reference).matches()) {
      found.add(new Secret(path, reference, replace));
    } else if (value instanceof JsonObject object) {
      for (String name : new ArrayList<>(object.fieldNames())) {
        JsonObject child = schema.property(node, name);
        if (child != null) {
          walk(child, object.getValue(name), JsonPointers.child(path, name), secret -> object.put(name, secret));
        }
      }
    } else if (value instanceof JsonArray array && schema.items(node) != null) {
      for (int i = 0; i < array.size(); i++) {
        int index = i;
        walk(schema.items(node), array.getValue(i), path + "[" + i + "]", secret -> array.set(index, secret));
      }
    }
  }

  private Future<String> value(Secret secret) {
    Matcher reference = REFERENCE.matcher(secret.reference());
    reference.matches();
    String name = reference.group(2);
    return switch (reference.group(1)) {
      case "env" -> fromEnv(name);
      case "file" -> fromFile(name);
      default -> Future.succeededFuture(name);
    };
  }

  private Future<String> fromEnv(String variable) {
    String value = env.get(variable);
    if (value == null || value.isEmpty()) {
      return Future.failedFuture("names environment variable " + variable + ", which is "
          + (value == null ? "not set" : "empty") + "; expected " + variable + " to hold the secret");
    }
    return Future.succeededFuture(value);
  }

  private Future<String> fromFile(String path) {
    return vertx.fileSystem().readFile(path)
        .recover(failure -> Future.failedFuture("names a file that cannot be used: "
            + FileProblems.describe(failure) + "; expected a readable file holding the secret"))
        .compose(contents -> {
          String secret = contents.toString().trim();
          return secret.isEmpty()
              ? Future.failedFuture("names an empty file; expected a file holding the secret")
              : Future.succeededFuture(secret);
        });
  }

  /** A reference found at a key path, and how to put its secret there instead. */
  private record Secret(String path, String reference, Consumer<String> replace) {
  }
}
