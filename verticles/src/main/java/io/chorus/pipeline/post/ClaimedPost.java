package io.chorus.pipeline.post;

import io.chorus.contracts.Platform;
import io.chorus.contracts.platform.PostType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A post this worker holds the publishing lease of.
 *
 * @param media the campaign's media file names, used when the post has no stored media
 * @param mediaIds the post's own stored media (served at {@code media.publicUrl}), or empty
 * @param postType null when its media decide
 * @param inReplyToExternalId set for a reply: what it answers on the platform
 */
public record ClaimedPost(
    UUID id,
    String brandId,
    String accountId,
    Platform platform,
    String text,
    int attempt,
    Instant scheduledAt,
    List<String> media,
    List<UUID> mediaIds,
    PostType postType,
    String inReplyToExternalId) {}
