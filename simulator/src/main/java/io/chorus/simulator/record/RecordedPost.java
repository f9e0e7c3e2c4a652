package io.chorus.simulator.record;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;

/**
 * A post a simulated platform created or published, as the inspection endpoint lists it.
 *
 * @param kind the shape the platform made of it: {@code post}, {@code reply} (a thread's next
 *     post), {@code link}, {@code photo}, {@code scheduled}, {@code image}, {@code carousel},
 *     {@code reel}, {@code story}, {@code article}, {@code video}
 * @param inReplyTo the id of the post this one replies to, or null
 * @param publishAt when a scheduled post becomes public, or null when it is public at once
 */
public record RecordedPost(
    String platform, String account, String id, String text, List<String> mediaUrls, Instant receivedAt,
    String kind, String inReplyTo, Instant publishAt) {

  public static final String POST = "post";

  public RecordedPost {
    mediaUrls = List.copyOf(mediaUrls);
  }

  /** Whether the post is public by now: feeds and timelines list only those. */
  public boolean visible(Instant now) {
    return publishAt == null || !publishAt.isAfter(now);
  }

  public JsonObject toJson() {
    JsonObject json = new JsonObject()
        .put("platform", platform)
        .put("account", account)
        .put("id", id)
        .put("text", text)
        .put("mediaUrls", new JsonArray(mediaUrls))
        .put("receivedAt", receivedAt.toString())
        .put("kind", kind);
    if (inReplyTo != null) {
      json.put("inReplyTo", inReplyTo);
    }
    if (publishAt != null) {
      json.put("publishAt", publishAt.toString());
    }
    return json;
  }
}
