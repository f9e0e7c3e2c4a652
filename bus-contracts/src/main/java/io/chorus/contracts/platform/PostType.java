package io.chorus.contracts.platform;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The shape a post takes on its platform, named by its lower-case id in campaign configuration,
 * in the database and on the bus. Which platform accepts which type is the platform agent's
 * business; a post without a type gets the one its media call for.
 */
public enum PostType {
  /** Text only (X post, Facebook feed message, LinkedIn commentary). */
  TEXT("text"),
  /** X: the text split at sentence boundaries into numbered posts, each replying to the one before. */
  THREAD("thread"),
  /** Text with a link preview (Facebook feed link, LinkedIn article). */
  LINK("link"),
  /** Text with images (X media, Facebook photo, Instagram image, LinkedIn image, TikTok photo post). */
  IMAGE("image"),
  /** Instagram: several images in one swipeable post. */
  CAROUSEL("carousel"),
  /** Instagram: a short video. */
  REEL("reel"),
  /** Instagram: an image or video that disappears after 24 hours. */
  STORY("story"),
  /** TikTok: a video pulled from its URL. */
  VIDEO("video"),
  /** Facebook: handed to Facebook now, made public by Facebook at a later time. */
  SCHEDULED("scheduled");

  private final String id;

  PostType(String id) {
    this.id = id;
  }

  @JsonValue
  public String id() {
    return id;
  }

  /** The type with this id, ignoring case, if there is one. */
  public static Optional<PostType> find(String id) {
    if (id == null) {
      return Optional.empty();
    }
    String wanted = id.toLowerCase(Locale.ROOT);
    return Arrays.stream(values()).filter(type -> type.id.equals(wanted)).findFirst();
  }

  @JsonCreator
  public static PostType of(String id) {
    return find(id).orElseThrow(() -> new IllegalArgumentException("unknown post type '" + id + "'"));
  }
}
