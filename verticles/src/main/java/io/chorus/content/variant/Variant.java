package io.chorus.content.variant;

import java.util.UUID;

/** One text written for a post, as it is stored. */
public record Variant(UUID postId, String brandId, int number, String angle, String text, String provider,
    String model, boolean chosen) {}
