package io.chorus.contracts.content;

/**
 * A stored media file as served over HTTP.
 *
 * @param base64 the file's bytes, base64-encoded so the message stays JSON on a clustered bus
 */
public record MediaFile(String mediaId, String contentType, String sha256, String base64) {}
