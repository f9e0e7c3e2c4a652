package io.chorus.web.posts;

import io.chorus.contracts.pipeline.PostCursor;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.UUID;

/**
 * The post list's {@code cursor}: opaque to callers, it is the base64url of the last post's
 * creation time and id. Both never change, so pages stay stable while new posts are created.
 */
final class PostCursors {
  private static final String SEPARATOR = "|";

  private PostCursors() {}

  static String encode(PostCursor cursor) {
    String plain = cursor.createdAt() + SEPARATOR + cursor.postId();
    return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
  }

  /** The position the text names; IllegalArgumentException when it is no cursor this API gave out. */
  static PostCursor decode(String text) {
    try {
      String plain = new String(Base64.getUrlDecoder().decode(text.strip()), StandardCharsets.UTF_8);
      int separator = plain.indexOf(SEPARATOR);
      if (separator < 0) {
        throw new IllegalArgumentException("no separator");
      }
      Instant createdAt = Instant.parse(plain.substring(0, separator));
      UUID postId = UUID.fromString(plain.substring(separator + 1));
      return new PostCursor(createdAt, postId.toString());
    } catch (DateTimeParseException malformed) {
      throw new IllegalArgumentException(malformed);
    }
  }
}
