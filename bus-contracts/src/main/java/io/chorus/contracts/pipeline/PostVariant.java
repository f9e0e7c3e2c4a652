package io.chorus.contracts.pipeline;

import java.time.Instant;

/**
 * One text written for a post from one angle.
 *
 * @param variant 1-based number of the variant within its post
 * @param chosen whether this variant became the post's text
 * @param publishedAt when the post went out with this variant, or null
 */
public record PostVariant(
    int variant,
    String angle,
    String text,
    String provider,
    String model,
    boolean chosen,
    Instant publishedAt,
    Instant createdAt) {}
