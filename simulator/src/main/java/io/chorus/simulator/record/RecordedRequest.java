package io.chorus.simulator.record;

import io.vertx.core.json.JsonObject;
import java.time.Instant;

/** One request a simulated platform answered, with the status it answered with. */
public record RecordedRequest(String platform, String method, String path, int status, Instant at) {

  public boolean rejected() {
    return status >= 400;
  }

  public JsonObject toJson() {
    return new JsonObject()
        .put("platform", platform)
        .put("method", method)
        .put("path", path)
        .put("status", status)
        .put("at", at.toString());
  }
}
