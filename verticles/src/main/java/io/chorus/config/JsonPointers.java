package io.chorus.config;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/** JSON pointers as the schema validator reports them, and the dotted key paths people read instead. */
final class JsonPointers {
  private JsonPointers() {
  }

  /** The unescaped tokens of a pointer such as {@code #/brands/0/id}. */
  static List<String> tokens(String pointer) {
    String path = pointer.startsWith("#") ? pointer.substring(1) : pointer;
    List<String> tokens = new ArrayList<>();
    if (path.isEmpty()) {
      return tokens;
    }
    for (String token : path.substring(1).split("/", -1)) {
      tokens.add(token.replace("~1", "/").replace("~0", "~"));
    }
    return tokens;
  }

  /** The key path of a pointer into a configuration, e.g. {@code brands[0].id}. */
  static String keyPath(JsonObject config, String pointer) {
    StringBuilder path = new StringBuilder();
    Object node = config;
    for (String token : tokens(pointer)) {
      if (node instanceof JsonArray array) {
        path.append('[').append(token).append(']');
        node = index(array, token);
      } else {
        path.append(path.length() == 0 ? "" : ".").append(token);
        node = node instanceof JsonObject object ? object.getValue(token) : null;
      }
    }
    return path.toString();
  }

  /** The value a pointer names in a configuration, or null. */
  static Object valueAt(JsonObject config, String pointer) {
    Object node = config;
    for (String token : tokens(pointer)) {
      if (node instanceof JsonArray array) {
        node = index(array, token);
      } else {
        node = node instanceof JsonObject object ? object.getValue(token) : null;
      }
    }
    return node;
  }

  /** A child key path: {@code http} + {@code port} is {@code http.port}; at the root it is just the key. */
  static String child(String parentPath, String key) {
    return parentPath.isEmpty() ? key : parentPath + "." + key;
  }

  private static Object index(JsonArray array, String token) {
    try {
      int i = Integer.parseInt(token);
      return i >= 0 && i < array.size() ? array.getValue(i) : null;
    } catch (NumberFormatException notAnIndex) {
      return null;
    }
  }
}
