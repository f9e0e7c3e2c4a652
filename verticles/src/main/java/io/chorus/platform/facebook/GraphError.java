package io.chorus.platform.facebook;

import io.vertx.core.json.JsonObject;

/** Reads the Graph API error envelope {@code {"error":{"message","type","code",...}}}, shared by Facebook and Instagram. */
public final class GraphError {

  private GraphError() {}

  /** The error's message with its Graph code, which tells throttling, permissions and bad parameters apart. */
  public static String message(JsonObject body) {
    JsonObject error = body.getJsonObject("error");
    if (error == null) {
      return null;
    }
    String message = error.getString("error_user_msg", error.getString("message"));
    Object code = error.getValue("code");
    return code == null ? message : message + " (code " + code + ")";
  }
}
