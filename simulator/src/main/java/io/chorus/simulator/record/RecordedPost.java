package io.chorus.simulator.record;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;

/** A post a simulated platform created or published, as the inspection endpoint lists it. */
public record RecordedPost(
    String platform, String account, String id, String text, List<String> mediaUrls, Instant receivedAt) {

  public RecordedPost {
    mediaUrls = List.copyOf(mediaUrls);
  }

  public JsonObject toJson() {
    return new JsonObject()
        .put("platform", platform)
        .put("account", account)
        .put("id", id)
        .put("text", text)
        .put("mediaUrls", new JsonArray(mediaUrls))
        .put("receivedAt", receivedAt.toString());
  }
}
