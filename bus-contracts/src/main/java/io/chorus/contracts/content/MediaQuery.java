package io.chorus.contracts.content;

/** Ask for a stored media file by id, to serve it. */
public record MediaQuery(String mediaId) {}
