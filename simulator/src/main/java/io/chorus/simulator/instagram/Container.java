package io.chorus.simulator.instagram;

import java.util.List;
import java.util.function.Function;

/**
 * A media container: it stays IN_PROGRESS for the processing time (a carousel until every child is
 * ready too), then FINISHED until published, and EXPIRED if not published within 24 hours.
 */
final class Container {

  private static final long EXPIRY_MILLIS = 24 * 60 * 60 * 1000L;

  final String id;
  final String igUserId;
  /** IMAGE, REELS, STORIES or CAROUSEL, as the container was created. */
  final String mediaType;
  final String mediaUrl;
  final String caption;
  final boolean carouselItem;
  final List<String> children;
  private final long createdAt;
  private final long readyAt;
  private boolean published;
  private boolean inCarousel;

  Container(String id, String igUserId, String mediaType, String mediaUrl, String caption, boolean carouselItem,
      List<String> children, long processingMs) {
    this.id = id;
    this.igUserId = igUserId;
    this.mediaType = mediaType;
    this.mediaUrl = mediaUrl;
    this.caption = caption;
    this.carouselItem = carouselItem;
    this.children = List.copyOf(children);
    this.createdAt = System.currentTimeMillis();
    this.readyAt = createdAt + processingMs;
  }

  /** Computed on read, so no timers are needed to move a container along; children are looked up by id. */
  String statusCode(Function<String, Container> byId) {
    long now = System.currentTimeMillis();
    if (published) {
      return "PUBLISHED";
    }
    if (now >= createdAt + EXPIRY_MILLIS) {
      return "EXPIRED";
    }
    boolean childrenReady = children.stream().allMatch(child -> "FINISHED".equals(byId.apply(child).statusCode(byId)));
    return now >= readyAt && childrenReady ? "FINISHED" : "IN_PROGRESS";
  }

  String status(Function<String, Container> byId) {
    return switch (statusCode(byId)) {
      case "FINISHED" -> "Finished: Media has been uploaded and it is ready to be published.";
      case "PUBLISHED" -> "Published: Media has been published.";
      case "EXPIRED" -> "Expired: The container was not published within 24 hours.";
      default -> "In Progress: Media is still being processed.";
    };
  }

  void markPublished() {
    published = true;
  }

  boolean inCarousel() {
    return inCarousel;
  }

  void markInCarousel() {
    inCarousel = true;
  }

  /** What the recorder calls a published container of this type. */
  String kind() {
    return switch (mediaType) {
      case "REELS" -> "reel";
      case "STORIES" -> "story";
      case "CAROUSEL" -> "carousel";
      default -> "image";
    };
  }
}
