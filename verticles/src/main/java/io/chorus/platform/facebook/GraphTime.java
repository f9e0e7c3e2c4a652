package io.chorus.platform.facebook;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** Reads Graph API times, written as {@code 2026-11-24T06:00:00+0000}. */
public final class GraphTime {
  private static final DateTimeFormatter GRAPH_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxx");

  private GraphTime() {}

  /** The instant, or null when the time is missing or unreadable. */
  public static Instant parse(String graphTime) {
    try {
      return graphTime == null ? null : OffsetDateTime.parse(graphTime, GRAPH_TIME).toInstant();
    } catch (DateTimeParseException unreadable) {
      return null;
    }
  }
}
