package io.chorus.simulator.engagement;

import io.vertx.core.json.JsonObject;
import java.time.Instant;

/**
 * A comment on a simulated post: from the audience (added by a test through
 * {@code POST /_simulator/comments}) or a reply the account published through the platform's API.
 *
 * @param postId the post the comment thread hangs under
 * @param parentId the comment it answers, or null for a top-level comment
 * @param account the post's account as the platform knows it (token, page id, author URN)
 * @param byAccount whether the account itself wrote it (a reply Chorus published)
 */
public record Comment(
    String platform, String id, String postId, String parentId, String account, String author, String text,
    Instant createdAt, boolean byAccount) {

  public JsonObject toJson() {
    return new JsonObject()
        .put("platform", platform)
        .put("id", id)
        .put("postId", postId)
        .put("parentId", parentId)
        .put("account", account)
        .put("author", author)
        .put("text", text)
        .put("createdAt", createdAt.toString())
        .put("byAccount", byAccount);
  }
}
