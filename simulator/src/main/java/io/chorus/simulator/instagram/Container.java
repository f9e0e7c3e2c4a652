package io.chorus.simulator.instagram;

/** A media container: it stays IN_PROGRESS for the processing time, then FINISHED until published. */
final class Container {

  private static final long EXPIRY_MILLIS = 24 * 60 * 60 * 1000L;

  final String id;
  final String igUserId;
  final String mediaUrl;
  final String caption;
  private final long createdAt;
  private final long readyAt;
  private boolean published;

  Container(String id, String igUserId, String mediaUrl, String caption, long processingMs) {
    this.id = id;
    this.igUserId = igUserId;
    this.mediaUrl = mediaUrl;
    this.caption = caption;
    this.createdAt = System.currentTimeMillis();
    this.readyAt = createdAt + processingMs;
  }

  /** Computed on read, so no timers are needed to move a container along. */
  String statusCode() {
    long now = System.currentTimeMillis();
    if (published) {
      return "PUBLISHED";
    }
    if (now >= createdAt + EXPIRY_MILLIS) {
      return "EXPIRED";
    }
    return now >= readyAt ? "FINISHED" : "IN_PROGRESS";
  }

  String status() {
    return switch (statusCode()) {
      case "FINISHED" -> "Finished: Media has been uploaded and it is ready to be published.";
      case "PUBLISHED" -> "Published: Media has been published.";
      case "EXPIRED" -> "Expired: The container was not published within 24 hours.";
      default -> "In Progress: Media is still being processed.";
    };
  }

  void markPublished() {
    published = true;
  }
}
