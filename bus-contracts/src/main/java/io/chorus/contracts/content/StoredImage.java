package io.chorus.contracts.content;

/**
 * An image Chorus stored and serves at {@code /media/{mediaId}}.
 *
 * @param source {@code library}, {@code openai} or {@code stability}
 * @param bytes the file's size
 * @param sha256 hex digest of the file
 */
public record StoredImage(
    String mediaId,
    String source,
    String contentType,
    int width,
    int height,
    int bytes,
    String sha256) {}
